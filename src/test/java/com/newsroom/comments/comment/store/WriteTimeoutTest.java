package com.newsroom.comments.comment.store;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import com.newsroom.comments.support.Readers;

/**
 * The write timeout never answers "not stored" for a comment that may still be stored: a draft still
 * queued when it fires is cancelled (503, and never stored), one a writer already has is answered with
 * its outcome however long that takes.
 */
@QuarkusTest
@TestProfile(WriteTimeoutTest.OneWriterShortTimeout.class)
class WriteTimeoutTest {

    public static class OneWriterShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A long socket timeout: the writer waits on a row lock here, not on a silent database.
            return Map.of("comments.write.timeout", "1s", "comments.write.writers", "1",
                    "quarkus.datasource.jdbc.additional-jdbc-properties.socketTimeout", "120");
        }
    }

    static Connection database() throws Exception {
        return DriverManager.getConnection(System.getenv().getOrDefault("TEST_DB_URL", "jdbc:postgresql://localhost:5432/test"),
                System.getenv().getOrDefault("TEST_DB_USER", "postgres"), System.getenv().getOrDefault("TEST_DB_PASSWORD", ""));
    }

    /** Until the writer waits for the locked row (under load a request takes a while to get there). */
    static void awaitWriterBlocked(Connection db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection probe = database(); PreparedStatement waiting = probe.prepareStatement(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")) {
            while (System.nanoTime() < deadline) {
                try (var rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the writer never reached the locked row");
    }

    @Test
    void aTakenCommentIsAnsweredWithItsOutcomeAndAQueuedOneIsCancelled() throws Exception {
        String blockedIp = Readers.uniqueIp();
        String takenArticle = "taken-" + UUID.randomUUID();
        String queuedArticle = "queued-" + UUID.randomUUID();
        try (Connection db = database()) {
            // Hold the author's flood-control row: the only writer blocks on it with the first comment.
            try (PreparedStatement insert = db.prepareStatement("insert into submission_throttle (throttle_key, last_submitted_at)"
                    + " values (?, now() - interval '1 day') on conflict do nothing")) {
                insert.setString(1, "ip:" + blockedIp);
                insert.executeUpdate();
            }
            db.setAutoCommit(false);
            try (PreparedStatement lock = db.prepareStatement("select 1 from submission_throttle where throttle_key = ? for update")) {
                lock.setString(1, "ip:" + blockedIp);
                lock.executeQuery().close();
            }
            CompletableFuture<Integer> taken = CompletableFuture.supplyAsync(() -> Readers.post(takenArticle, blockedIp,
                    Map.of("name", "Ali", "text", "Stored late")).extract().statusCode());
            awaitWriterBlocked(db);

            long start = System.nanoTime();
            int queued = Readers.post(queuedArticle, Map.of("name", "Veli", "text", "Never stored")).extract().statusCode();
            long queuedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(503, queued, "a comment still queued when the timeout fires is cancelled");
            assertTrue(queuedMillis < 10_000, "answered after the 1 s timeout, not after the writer: " + queuedMillis + " ms");
            assertTrue(!taken.isDone(), "the taken comment is still waiting for the writer");

            Thread.sleep(1_500); // the taken comment is now well past its 1 s timeout
            db.rollback();
            assertEquals(201, taken.get(30, TimeUnit.SECONDS), "a taken comment is answered with its outcome, not 503");
        }
        given().when().get("/api/articles/{a}/comments", takenArticle).then().statusCode(200)
                .body("totalItems", org.hamcrest.Matchers.equalTo(1));
        Thread.sleep(1_000); // were the cancelled comment stored after all, the writer would be done by now
        given().when().get("/api/articles/{a}/comments", queuedArticle).then().statusCode(200)
                .body("totalItems", org.hamcrest.Matchers.equalTo(0));
    }
}
