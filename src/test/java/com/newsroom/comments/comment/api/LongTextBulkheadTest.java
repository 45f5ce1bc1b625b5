package com.newsroom.comments.comment.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import com.newsroom.comments.support.Accounts;
import com.newsroom.comments.support.Readers;

/**
 * Long comments are moderated on a bounded pool (comments.rules.long-text-threads), so hostile texts that
 * spend a PATTERN rule's whole budget cannot take every core: here one thread and a queue of one, so that
 * a burst of them is partly answered 503 with Retry-After, never a 500, while the rest are stored.
 */
@QuarkusTest
@TestProfile(LongTextBulkheadTest.OneThread.class)
class LongTextBulkheadTest {

    public static class OneThread implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("comments.rules.long-text-threads", "1", "comments.rules.long-text-queue", "1",
                    "comments.rules.max-flood-interval", "0s");
        }
    }

    @Test
    void aBurstOfHostileLongTextsBeyondThePoolIsAnswered503() throws Exception {
        long rule = Accounts.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "PATTERN", "action", "SPAM", "pattern", "[a-z ]{1,1000}q"))
                .when().post("/api/moderation/rules").then().statusCode(201).extract().jsonPath().getLong("id");
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            Thread.sleep(2_500); // in force on this instance
            String text = "lorem ipsum dolor sit amet ".repeat(2_400);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                answers.add(clients.submit(() -> {
                    start.await();
                    return Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON)
                            .body(Map.of("name", "Load", "text", text + n))
                            .when().post("/api/articles/{a}/comments", "bulkhead-" + UUID.randomUUID());
                }));
            }
            start.countDown();
            int stored = 0;
            int busy = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                if (response.statusCode() == 503) {
                    busy++;
                    assertEquals("application/problem+json", response.contentType());
                    assertTrue(response.header("Retry-After") != null, "503 without Retry-After");
                } else {
                    assertEquals(201, response.statusCode(), response.asString());
                    stored++;
                }
            }
            assertTrue(stored >= 1, "none stored");
            assertTrue(busy >= 1, "the pool took all 12 at once: " + stored + " stored");
        } finally {
            clients.shutdownNow();
            Accounts.asAdmin().when().delete("/api/moderation/rules/{id}", rule).then().statusCode(204);
        }
    }
}
