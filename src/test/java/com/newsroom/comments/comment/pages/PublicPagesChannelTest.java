package com.newsroom.comments.comment.pages;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.newsroom.comments.support.Accounts;
import com.newsroom.comments.support.Readers;
import com.newsroom.comments.support.TestDatabase;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The cached public pages follow changes committed by other database sessions — as another instance
 * would commit them — through LISTEN/NOTIFY, long before the time-to-live (60 s) would.
 */
@QuarkusTest
class PublicPagesChannelTest {

    @Inject
    PublicPages pages;

    static Connection otherSession() throws Exception {
        return TestDatabase.connect();
    }

    static long post(String articleId, String text) {
        return Readers.post(articleId, Map.of("name", "Ali", "text", text)).statusCode(201).extract().jsonPath().getLong("id");
    }

    static JsonPath page(String articleId) {
        return given().when().get("/api/articles/{a}/comments", articleId).then().statusCode(200).extract().jsonPath();
    }

    static void execute(Connection c, String sql, Object... parameters) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.execute();
        }
    }

    /** Polls the page until {@code done} holds; returns how long that took, or fails after {@code limitMillis}. */
    static long await(String articleId, Predicate<JsonPath> done, long limitMillis) throws InterruptedException {
        long started = System.currentTimeMillis();
        while (!done.test(page(articleId))) {
            assertTrue(System.currentTimeMillis() - started < limitMillis, "not seen within " + limitMillis + " ms");
            Thread.sleep(50);
        }
        return System.currentTimeMillis() - started;
    }

    @Test
    void aChangeCommittedByAnotherSessionShowsWithinTwoSeconds() throws Exception {
        String articleId = "channel-" + UUID.randomUUID();
        long first = post(articleId, "First version");
        long held = post(articleId, "Held for now");
        Accounts.asAdmin().post("/api/moderation/comments/{id}/hold", held).then().statusCode(200);
        assertEquals(List.of("First version"), page(articleId).getList("items.text"));
        assertNotNull(pages.cached(articleId, 0, 20), "the page is cached");

        try (Connection other = otherSession()) {
            // Without a notification the cached page stays as it was: the TTL is long.
            execute(other, "update comment set text = 'Second version' where id = ?", first);
            Thread.sleep(1500);
            assertEquals(List.of("First version"), page(articleId).getList("items.text"));

            // As another instance approves: the change and its NOTIFY in one transaction.
            other.setAutoCommit(false);
            execute(other, "update comment set status = 'APPROVED' where id = ?", held);
            execute(other, "select pg_notify('public_comments', 'another-instance:' || ?)", articleId);
            Thread.sleep(500);
            assertEquals(1, page(articleId).getInt("totalItems"), "a NOTIFY is delivered only on commit");
            other.commit();
            long took = await(articleId, p -> p.getInt("totalItems") == 2, 2000);
            assertEquals(List.of("Second version", "Held for now"), page(articleId).getList("items.text"));
            System.out.println("Change through another session seen after " + took + " ms");
        }
    }

    @Test
    void changesOnThisInstanceAreAnnouncedAfterTheyCommit() throws Exception {
        String articleId = "channel-own-" + UUID.randomUUID();
        try (Connection listener = otherSession(); Statement s = listener.createStatement()) {
            s.execute("LISTEN public_comments");
            long id = post(articleId, "Approved at once");
            List<String> afterSubmission = awaitNotifications(listener, articleId);
            Accounts.asAdmin().post("/api/moderation/comments/{id}/reject", id).then().statusCode(200);
            List<String> afterRejection = awaitNotifications(listener, articleId);
            assertEquals(1, afterSubmission.size(), "the submission, announced once: " + afterSubmission);
            assertEquals(1, afterRejection.size(), "the rejection: " + afterRejection);
            // New comments may show within the freshness window; a removal is announced to be shown at once.
            assertTrue(afterSubmission.get(0).matches("[0-9a-f]{8}:" + articleId), afterSubmission.get(0));
            assertTrue(afterRejection.get(0).matches("[0-9a-f]{8}:!" + articleId), afterRejection.get(0));
        }
    }

    /** The notifications naming the article that arrive within 5 s, gathered until 500 ms pass without one. */
    static List<String> awaitNotifications(Connection listener, String articleId) throws Exception {
        List<String> payloads = new java.util.ArrayList<>();
        long started = System.currentTimeMillis();
        long last = 0;
        while (System.currentTimeMillis() - started < 5000 && (payloads.isEmpty() || System.currentTimeMillis() - last < 500)) {
            PGNotification[] batch = listener.unwrap(PGConnection.class).getNotifications(100);
            if (batch != null) {
                for (PGNotification n : batch) {
                    if (n.getParameter().endsWith(":" + articleId) || n.getParameter().endsWith(":!" + articleId)) {
                        payloads.add(n.getParameter());
                        last = System.currentTimeMillis();
                    }
                }
            }
        }
        return payloads;
    }

    @Test
    void aLostListenConnectionIsReopenedAndTheCacheDropped() throws Exception {
        String articleId = "channel-lost-" + UUID.randomUUID();
        long id = post(articleId, "Before");
        assertEquals(List.of("Before"), page(articleId).getList("items.text"));
        assertNotNull(pages.cached(articleId, 0, 20));
        try (Connection other = otherSession()) {
            // Changed without a notification: only dropping the whole cache on reconnect shows it.
            execute(other, "update comment set text = 'After' where id = ?", id);
            try (PreparedStatement kill = other.prepareStatement("""
                    select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity
                    where application_name = ? and datname = current_database()""")) {
                kill.setString(1, PublicPagesChannel.APPLICATION_NAME);
                try (ResultSet rs = kill.executeQuery()) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "one listening connection");
                }
            }
        }
        await(articleId, p -> p.getList("items.text").equals(List.of("After")), 5000);
    }
}
