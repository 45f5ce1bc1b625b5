package com.newsroom.comments.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import com.newsroom.comments.support.Accounts;
import com.newsroom.comments.support.Readers;
import com.newsroom.comments.support.ProxiedDatabase;

/**
 * A silent database (packets dropped, no reset): with the configured timeouts (application.properties,
 * not this test's) every request is answered 503 problem details with Retry-After within seconds, more
 * requests than the pool has connections included, readiness goes down, and the service recovers.
 */
@QuarkusTest
@TestProfile(SilentDatabaseTest.ThroughProxy.class)
class SilentDatabaseTest {

    /** Socket timeout 5 s (twice for a post whose batch meets two dead connections), login 2 s, on a loaded machine. */
    static final long ANSWER_WITHIN_MILLIS = 15_000;

    public static class ThroughProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProxiedDatabase.class));
        }
    }

    record Answer(String what, int status, String contentType, String retryAfter, long millis) {
    }

    static Answer timed(String what, Callable<Response> request) throws Exception {
        long start = System.nanoTime();
        Response response = request.call();
        return new Answer(what, response.statusCode(), response.contentType(), response.getHeader("Retry-After"),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    @Test
    void everyRequestGets503WithinSecondsAndTheServiceRecovers() throws Exception {
        String articleId = "silent-" + UUID.randomUUID();
        Readers.post(articleId, Map.of("name", "Ali", "text", "Before the silence")).statusCode(201);
        given().when().get("/q/health/ready").then().statusCode(200);
        Accounts.asModerator().when().get("/api/moderation/stats").then().statusCode(200);

        ProxiedDatabase.proxy().silence();
        List<Answer> answers = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try {
            List<Future<Answer>> calls = new ArrayList<>();
            // More requests than the pool's 20 connections: readers' posts and uncached pages, moderators' queue.
            for (int i = 0; i < 12; i++) {
                String article = "silent-" + UUID.randomUUID();
                calls.add(clients.submit(() -> timed("post", () -> Readers.from(Readers.uniqueIp())
                        .contentType(ContentType.JSON).body(Map.of("name", "Veli", "text", "During the silence"))
                        .when().post("/api/articles/{a}/comments", article))));
                calls.add(clients.submit(() -> timed("page", () -> given().when().get("/api/articles/{a}/comments", article))));
            }
            for (int i = 0; i < 8; i++) {
                calls.add(clients.submit(() -> timed("queue", () -> given().auth().preemptive()
                        .basic(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD).when().get("/api/moderation/comments"))));
            }
            for (Future<Answer> call : calls) {
                answers.add(call.get(60, TimeUnit.SECONDS));
            }
            long liveStart = System.nanoTime();
            given().when().get("/q/health/live").then().statusCode(200);
            long liveMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - liveStart);
            Answer ready = timed("ready", () -> given().when().get("/q/health/ready"));
            System.out.printf("Silent database: answers %s; live %d ms; ready %s%n", answers, liveMillis, ready);
            for (Answer answer : answers) {
                assertEquals(503, answer.status(), answer::toString);
                assertTrue(answer.contentType().startsWith("application/problem+json"), answer::toString);
                assertNotNull(answer.retryAfter(), answer::toString);
                assertTrue(answer.millis() < ANSWER_WITHIN_MILLIS, answer::toString);
            }
            assertEquals(503, ready.status(), "readiness is down");
            assertTrue(ready.millis() < ANSWER_WITHIN_MILLIS, ready::toString);
        } finally {
            clients.shutdownNow();
            ProxiedDatabase.proxy().restore();
        }

        long restored = System.nanoTime();
        int status = 0;
        while (status != 200 && System.nanoTime() - restored < TimeUnit.SECONDS.toNanos(30)) {
            status = given().when().get("/api/articles/{a}/comments?size=3", articleId).then().extract().statusCode();
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        long recovery = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restored);
        System.out.printf("Silent database: first 200 %d ms after the restore%n", recovery);
        assertEquals(200, status, "the service did not recover within 30 s");
        Readers.post(articleId, Map.of("name", "Veli", "text", "After the silence")).statusCode(201);
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
