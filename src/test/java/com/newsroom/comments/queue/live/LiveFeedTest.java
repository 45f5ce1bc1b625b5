package com.newsroom.comments.queue.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.support.Accounts;
import com.newsroom.comments.support.Readers;
import com.newsroom.comments.support.TestWords;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** GET /api/moderation/events: who may open it, and that held, reported and decided comments arrive, other instances' too. */
@QuarkusTest
class LiveFeedTest {

    @TestHTTPResource("/api/moderation/events")
    URL events;

    @Inject
    DataSource dataSource;

    @Test
    void onlyModeratorsMayListen() throws Exception {
        HttpResponse<Void> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(events.toURI())
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(401, anonymous.statusCode());
    }

    @Test
    void heldReportedAndDecidedCommentsArriveAsTheyCommit() throws Exception {
        String word = TestWords.madeUp("zl");
        long rule = Accounts.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "TERMS", "action", "HOLD", "terms", List.of(word), "description", "live feed test"))
                .when().post("/api/moderation/rules").then().statusCode(201).extract().jsonPath().getLong("id");
        try (Stream stream = open()) {
            assertEquals("ready", stream.next().name());

            long held = Readers.post("live-feed", Map.of("name", "Ayşe", "text", "Was it a " + word + "?"))
                    .statusCode(201).extract().jsonPath().getLong("id");
            Event event = stream.next("held");
            assertEquals("{\"type\":\"held\",\"commentId\":" + held + ",\"articleId\":\"live-feed\",\"status\":\"PENDING\"}",
                    event.data());

            Accounts.asModerator().when().post("/api/moderation/comments/{id}/approve", held).then().statusCode(200);
            assertEquals("{\"type\":\"decided\",\"commentId\":" + held + ",\"articleId\":\"live-feed\",\"status\":\"APPROVED\"}",
                    stream.next("decided").data());

            Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON).body(Map.of("reason", "ABUSE"))
                    .when().post("/api/articles/live-feed/comments/{id}/reports", held).then().statusCode(202);
            assertEquals("{\"type\":\"reported\",\"commentId\":" + held + ",\"articleId\":\"live-feed\",\"status\":\"APPROVED\"}",
                    stream.next("reported").data());

            Accounts.asModerator().when().delete("/api/moderation/comments/{id}", held).then().statusCode(204);
            assertEquals("{\"type\":\"decided\",\"commentId\":" + held + ",\"articleId\":\"live-feed\",\"status\":null}",
                    stream.next("decided").data());
        } finally {
            Accounts.asAdmin().when().delete("/api/moderation/rules/{id}", rule).then().statusCode(204);
        }
    }

    @Test
    void anotherInstancesEventsArriveThroughTheDatabase() throws Exception {
        try (Stream stream = open()) {
            assertEquals("ready", stream.next().name());
            // What another instance's channel sends (its own id, then the event); malformed ones are dropped.
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement notify = connection.prepareStatement("select pg_notify('moderation_activity', ?)")) {
                for (String payload : new String[] { "other:held:x:a:PENDING", "other:held:987654321:PENDING:elsewhere" }) {
                    notify.setString(1, payload);
                    notify.execute();
                }
            }
            assertEquals("{\"type\":\"held\",\"commentId\":987654321,\"articleId\":\"elsewhere\",\"status\":\"PENDING\"}",
                    stream.next("held").data());
        }
    }

    record Event(String name, String data) {
    }

    /** A moderator's open stream, read line by line on a thread of its own. */
    Stream open() throws Exception {
        Accounts.asModerator();
        String basic = Base64.getEncoder().encodeToString((Accounts.MODERATOR + ":" + Accounts.MODERATOR_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(events.toString()))
                .header("Accept", "text/event-stream").header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        return new Stream(response.body());
    }

    static final class Stream implements AutoCloseable {
        private final java.io.InputStream body;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

        Stream(java.io.InputStream body) {
            this.body = body;
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    String name = "message";
                    StringBuilder data = new StringBuilder();
                    for (String line; (line = lines.readLine()) != null;) {
                        if (line.isEmpty()) {
                            events.add(new Event(name, data.toString()));
                            name = "message";
                            data.setLength(0);
                        } else if (line.startsWith("event:")) {
                            name = line.substring(6).strip();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring(5).strip());
                        }
                    }
                } catch (java.io.IOException e) {
                    // closed
                }
            }, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        Event next() throws InterruptedException {
            Event event = events.poll(10, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no event within 10 s");
            }
            return event;
        }

        /** The next event of that name, skipping pings and other tests' events. */
        Event next(String name) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                Event event = events.poll(100, TimeUnit.MILLISECONDS);
                if (event != null && event.name().equals(name)) {
                    return event;
                }
            }
            throw new AssertionError("no " + name + " event within 10 s");
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }
}
