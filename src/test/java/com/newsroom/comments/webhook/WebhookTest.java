package com.newsroom.comments.webhook;

import static com.newsroom.comments.support.Accounts.asAdmin;
import static com.newsroom.comments.support.Accounts.asModerator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsroom.comments.event.EventType;
import com.newsroom.comments.event.Outbox;
import com.newsroom.comments.support.JwtKeys;
import com.newsroom.comments.support.Readers;
import com.newsroom.comments.support.StandardWebhooksVerifier;
import com.newsroom.comments.support.TestDatabase;
import com.newsroom.comments.support.WebhookReceiver;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(JwtKeys.class)
class WebhookTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String PROBLEM = "application/problem+json";

    record Hook(long id, String secret) {
    }

    static Hook create(String url, List<String> events, boolean includePersonalData) {
        JsonPath created = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", events, "description", "test receiver", "includePersonalData", includePersonalData))
                .when().post("/api/moderation/webhooks").then().statusCode(201)
                .header("Location", containsString("/api/moderation/webhooks/"))
                .body("secret", startsWith("whsec_")).extract().jsonPath();
        return new Hook(created.getLong("id"), created.getString("secret"));
    }

    static void delete(Hook hook) {
        asAdmin().when().delete("/api/moderation/webhooks/{id}", hook.id()).then().statusCode(204);
    }

    static String article() {
        return "hooks-" + UUID.randomUUID();
    }

    static long post(String articleId, String text, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Hamdi Fırat Büyük", "text", text));
        if (email != null) {
            body.put("email", email);
        }
        return Readers.post(articleId, body).statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The signed events about one article (or any event, for a null article), verified, in arrival order. */
    static List<JsonPath> events(WebhookReceiver receiver, Hook hook, int count, String articleId) {
        List<WebhookReceiver.Received> received = receiver.await(count, r -> articleId == null || r.body().contains(articleId), WAIT);
        for (WebhookReceiver.Received r : received) {
            assertTrue(StandardWebhooksVerifier.verify(hook.secret(), r.id(), r.timestamp(), r.signature(), r.body()),
                    "signature of " + r.body());
        }
        return received.stream().map(r -> new JsonPath(r.body())).toList();
    }

    /**
     * Creating a webhook waits for the comment batches in progress (here, a transaction holding their share
     * of the lock), so that no batch checks for subscribers before the webhook commits and commits after.
     */
    @Test
    void creatingAWebhookWaitsForTheCommentBatchesInProgress() throws Exception {
        delete(create("http://127.0.0.1:9/warm-up", List.of("comment.created"), false)); // the admin's sign-in, remembered
        try (Connection batch = TestDatabase.connect()) {
            batch.setAutoCommit(false);
            try (Statement s = batch.createStatement()) {
                s.executeQuery(Outbox.LOCK_SHARED).close();
            }
            CompletableFuture<Hook> created = CompletableFuture.supplyAsync(
                    () -> create("http://127.0.0.1:9/hook", List.of("comment.created"), false));
            Thread.sleep(3000);
            assertFalse(created.isDone(), "the webhook's creation waits for the batch");
            batch.commit();
            delete(created.get(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void adminsManageWebhooksAndSeeTheSecretOnce() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Hook hook = create(receiver.url(), List.of("comment.created"), false);
            asAdmin().when().get("/api/moderation/webhooks/{id}", hook.id()).then().statusCode(200)
                    .body("url", equalTo(receiver.url())).body("events", equalTo(List.of("comment.created")))
                    .body("enabled", equalTo(true)).body("$", not(org.hamcrest.Matchers.hasKey("secret")));
            asAdmin().when().get("/api/moderation/webhooks").then().statusCode(200)
                    .body("id", hasItem((int) hook.id())).body("secret", not(hasItem(hook.secret())));
            asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "events", List.of("comment.approved", "article.updated"), "enabled", false))
                    .when().put("/api/moderation/webhooks/{id}", hook.id()).then().statusCode(200)
                    .body("events", equalTo(List.of("comment.approved", "article.updated"))).body("enabled", equalTo(false))
                    .body("description", nullValue());
            asAdmin().when().post("/api/moderation/webhooks/{id}/test", hook.id()).then().statusCode(409).contentType(PROBLEM);
            delete(hook);
            asAdmin().when().get("/api/moderation/webhooks/{id}", hook.id()).then().statusCode(404).contentType(PROBLEM);
            asAdmin().when().delete("/api/moderation/webhooks/{id}", hook.id()).then().statusCode(404);
        }
    }

    @Test
    void badWebhooksAreRefusedWithReasons() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("url", "ftp://cms.example.com/", "events", List.of("comment.sent")))
                .when().post("/api/moderation/webhooks").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("url", "events")))
                .body("errors[1].message", containsString("comment.created"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("events", List.of()))
                .when().post("/api/moderation/webhooks").then().statusCode(400).body("errors.field", equalTo(List.of("url", "events")));
        asAdmin().contentType(ContentType.JSON).body(Map.of("url", "https://user:secret@cms.example.com/", "events", List.of("webhook.ping")))
                .when().post("/api/moderation/webhooks").then().statusCode(400).body("errors.field", equalTo(List.of("url", "events")));
        asAdmin().contentType(ContentType.JSON).body("{").when().post("/api/moderation/webhooks").then().statusCode(400);
        asAdmin().when().get("/api/moderation/webhooks/1/deliveries?status=LOST").then().statusCode(anyOf404or400());
    }

    private static org.hamcrest.Matcher<Integer> anyOf404or400() {
        return org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404));
    }

    @Test
    void onlyAdminsManageWebhooks() {
        given().when().get("/api/moderation/webhooks").then().statusCode(401).contentType(PROBLEM);
        asModerator().when().get("/api/moderation/webhooks").then().statusCode(403).contentType(PROBLEM);
        asModerator().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1/", "events", List.of("comment.created")))
                .when().post("/api/moderation/webhooks").then().statusCode(403);
    }

    @Test
    void everyChangeOfACommentArrivesSignedAndInOrder() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Hook hook = create(receiver.url(), EventType.subscribable(), false);
            try {
                String articleId = article();
                long id = post(articleId, "Thank you for this report 🎉", "hamdi-" + UUID.randomUUID() + "@example.com");
                for (String action : List.of("hold", "approve", "spam", "restore", "reject", "restore")) {
                    asModerator().when().post("/api/moderation/comments/{id}/" + action, id).then().statusCode(200);
                }
                asModerator().contentType(ContentType.JSON).body(Map.of("text", "Edited by a moderator"))
                        .when().patch("/api/moderation/comments/{id}", id).then().statusCode(200);
                asModerator().when().delete("/api/moderation/comments/{id}", id).then().statusCode(204);
                asModerator().contentType(ContentType.JSON).body(Map.of("commentsOpen", false))
                        .when().put("/api/moderation/articles/{a}", articleId).then().statusCode(200);

                // A comment's events arrive in order; the article's have an order of their own.
                List<JsonPath> events = events(receiver, hook, 10, articleId).stream()
                        .filter(e -> e.getString("type").startsWith("comment.")).toList();
                assertEquals(List.of("comment.created", "comment.held", "comment.approved", "comment.spam", "comment.restored",
                        "comment.rejected", "comment.restored", "comment.edited", "comment.deleted"),
                        events.stream().map(e -> e.getString("type")).toList());
                JsonPath article = events(receiver, hook, 10, articleId).stream()
                        .filter(e -> e.getString("type").equals("article.updated")).findFirst().orElseThrow();
                JsonPath created = events.get(0);
                assertEquals(id, created.getLong("data.comment.id"));
                assertEquals(articleId, created.getString("data.comment.articleId"));
                assertEquals("APPROVED", created.getString("data.comment.status"));
                assertEquals("Hamdi Fırat Büyük", created.getString("data.comment.name"));
                assertEquals("Thank you for this report 🎉", created.getString("data.comment.text"));
                assertNull(created.get("data.moderator"));
                assertNull(created.get("data.author"), "no personal data unless the webhook asks for it");
                assertFalse(created.prettify().contains("@example.com"));
                assertEquals("PENDING", events.get(1).getString("data.comment.status"));
                assertEquals("test-moderator", events.get(1).getString("data.moderator"));
                assertEquals("Edited by a moderator", events.get(7).getString("data.comment.text"));
                assertEquals(false, article.getBoolean("data.article.commentsOpen"));
                assertEquals(articleId, article.getString("data.article.id"));
                // Each event has an id of its own; receivers dedupe by it.
                assertEquals(events.size(), events.stream().map(e -> e.getString("id")).distinct().count());
                assertTrue(created.getString("timestamp").endsWith("Z"));
            } finally {
                delete(hook);
            }
        }
    }

    @Test
    void heldCommentsCarryTheirReasonsAndPersonalDataOnlyWhenAsked() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Hook hook = create(receiver.url(), List.of("comment.created", "author.erased"), true);
            try {
                String articleId = article();
                String email = "erase-" + UUID.randomUUID() + "@example.com";
                // Four links: the LINKS rule (more than 2) holds it.
                long id = post(articleId, "See https://a.example https://b.example https://c.example https://d.example", email);
                JsonPath created = events(receiver, hook, 1, articleId).get(0);
                assertEquals("PENDING", created.getString("data.comment.status"));
                assertEquals("LINKS", created.getString("data.comment.reasons[0].ruleType"));
                assertEquals(email, created.getString("data.author.email"));
                assertTrue(created.getString("data.author.ipAddress").startsWith("10."));

                asModerator().when().delete("/api/moderation/authors/{email}", email).then().statusCode(200);
                WebhookReceiver.Received erasure = receiver.await(1, r -> r.body().contains("author.erased") && r.body().contains(email),
                        WAIT).get(0);
                assertTrue(StandardWebhooksVerifier.verify(hook.secret(), erasure.id(), erasure.timestamp(), erasure.signature(),
                        erasure.body()));
                JsonPath erased = new JsonPath(erasure.body());
                assertEquals(List.of(id), erased.getList("data.commentIds", Long.class));

                // The stored event no longer holds the author's data: a redelivery sends it without.
                long delivery = deliveredId(hook, created.getString("id"));
                int before = receiver.received().size();
                asAdmin().when().post("/api/moderation/webhooks/{id}/deliveries/{d}/redeliver", hook.id(), delivery)
                        .then().statusCode(202).body("status", equalTo("PENDING"));
                receiver.await(before + 1, r -> true, WAIT);
                JsonPath again = new JsonPath(receiver.received().get(before).body());
                assertEquals(created.getString("id"), again.getString("id"));
                assertNull(again.get("data.author"));
            } finally {
                delete(hook);
            }
        }
    }

    /** The delivery of an event, once it is recorded as delivered. */
    static long deliveredId(Hook hook, String eventId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            var found = asAdmin().when().get("/api/moderation/webhooks/{id}/deliveries?status=DELIVERED", hook.id())
                    .then().statusCode(200).extract().jsonPath().getList("items", Map.class).stream()
                    .filter(d -> d.get("eventId").equals(eventId)).map(d -> ((Number) d.get("id")).longValue()).findFirst();
            if (found.isPresent() || System.nanoTime() > deadline) {
                return found.orElseThrow();
            }
            Thread.sleep(100);
        }
    }

    @Test
    void refusedSubmissionsAndRolledBackDecisionsSendNothing() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Hook hook = create(receiver.url(), EventType.subscribable(), false);
            try {
                String articleId = article();
                String ip = Readers.uniqueIp();
                Map<String, Object> body = Map.of("name", "Reader", "email", "dup-" + UUID.randomUUID() + "@example.com",
                        "text", "Only once " + UUID.randomUUID());
                long id = Readers.post(articleId, ip, body).statusCode(201).extract().jsonPath().getLong("id");
                Readers.post(articleId, Readers.uniqueIp(), body).statusCode(409);
                // A decision against a stale version rolls back, its event with it.
                asModerator().header("If-Match", "\"99\"").when().post("/api/moderation/comments/{id}/spam", id).then().statusCode(412);
                asModerator().when().post("/api/moderation/comments/{id}/hold", id).then().statusCode(200);
                events(receiver, hook, 2, articleId);
                Thread.sleep(1500);
                assertEquals(List.of("comment.created", "comment.held"),
                        events(receiver, hook, 2, articleId).stream().map(e -> e.getString("type")).toList());
            } finally {
                delete(hook);
            }
        }
    }

    @Test
    void readersReportsAreSentWithoutTheReporter() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Hook hook = create(receiver.url(), List.of("comment.reported"), true);
            try {
                String articleId = article();
                long id = post(articleId, "Reported " + UUID.randomUUID(), null);
                String reporter = "reporter-" + UUID.randomUUID() + "@example.com";
                Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON).body(Map.of("reason", "ABUSE", "email", reporter))
                        .when().post("/api/articles/{a}/comments/{id}/reports", articleId, id).then().statusCode(org.hamcrest.Matchers.lessThan(300));
                WebhookReceiver.Received r = receiver.await(1, x -> x.body().contains(articleId), WAIT).get(0);
                assertTrue(StandardWebhooksVerifier.verify(hook.secret(), r.id(), r.timestamp(), r.signature(), r.body()));
                JsonPath event = new JsonPath(r.body());
                assertEquals("comment.reported", event.getString("type"));
                assertEquals(id, event.getLong("data.comment.id"));
                assertEquals("ABUSE", event.getString("data.report.reason"));
                assertEquals(false, event.getBoolean("data.report.hidden"));
                assertFalse(r.body().contains(reporter));
            } finally {
                delete(hook);
            }
        }
    }

    @Test
    void aFailingReceiverGetsTheSameEventAgainUntilItAccepts() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().answering(n -> n <= 3 ? 500 : 204)) {
            Hook hook = create(receiver.url(), List.of("comment.created"), false);
            try {
                String articleId = article();
                post(articleId, "Retried until it arrives", null);
                List<WebhookReceiver.Received> received = receiver.await(4, r -> r.body().contains(articleId), WAIT);
                assertEquals(1, received.stream().map(WebhookReceiver.Received::id).distinct().count());
                // The receiver has its 4th request before the service has the answer and records it.
                deliveredId(hook, received.get(0).id());
                JsonPath deliveries = asAdmin().when().get("/api/moderation/webhooks/{id}/deliveries", hook.id())
                        .then().statusCode(200).extract().jsonPath();
                assertEquals(4, receiver.received().size());
                assertEquals("DELIVERED", deliveries.getString("items[0].status"));
                assertEquals(4, deliveries.getInt("items[0].attempts"));
                assertEquals(204, deliveries.getInt("items[0].lastStatusCode"));
                assertEquals(received.get(0).id(), deliveries.getString("items[0].eventId"));
                asAdmin().when().get("/api/moderation/webhooks/{id}", hook.id()).then().body("failingSince", nullValue());
            } finally {
                delete(hook);
            }
        }
    }

    /**
     * Past its retry window a delivery is marked FAILED, and a webhook whose deliveries failed for the whole
     * window is disabled; both show in the API. The window (24 h) is shortened by moving the delivery's end
     * and the webhook's first failure into the past, as a day of failures would have left them.
     */
    @Test
    void aDeliveryPastItsWindowFailsAndAWebhookFailingADayIsDisabled() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().answering(n -> 503)) {
            Hook hook = create(receiver.url(), List.of("comment.created"), false);
            try {
                String articleId = article();
                post(articleId, "Never accepted", null);
                receiver.await(1, r -> r.body().contains(articleId), WAIT);
                sql("update webhook_delivery set retry_until = now() where webhook_id = " + hook.id());
                long deadline = System.nanoTime() + WAIT.toNanos();
                JsonPath failed;
                do {
                    Thread.sleep(100);
                    failed = asAdmin().when().get("/api/moderation/webhooks/{id}/deliveries?status=FAILED", hook.id())
                            .then().statusCode(200).extract().jsonPath();
                } while (failed.getList("items").isEmpty() && System.nanoTime() < deadline);
                assertEquals(1, failed.getList("items").size(), failed.prettify());
                assertEquals(503, failed.getInt("items[0].lastStatusCode"));
                assertTrue(failed.getInt("items[0].attempts") >= 2, failed.prettify());
                assertTrue(failed.getString("items[0].lastResponse").startsWith("answer "), failed.prettify());
                asAdmin().when().get("/api/moderation/webhooks/{id}", hook.id()).then().body("enabled", equalTo(true));

                // Its next failure finds it failing for more than the window: disabled.
                sql("update webhook set failing_since = now() - interval '25 hours' where id = " + hook.id());
                post(articleId, "Failing for a day", null);
                JsonPath webhook;
                deadline = System.nanoTime() + WAIT.toNanos();
                do {
                    Thread.sleep(100);
                    webhook = asAdmin().when().get("/api/moderation/webhooks/{id}", hook.id()).then().statusCode(200)
                            .extract().jsonPath();
                } while (webhook.getBoolean("enabled") && System.nanoTime() < deadline);
                assertFalse(webhook.getBoolean("enabled"), webhook.prettify());
                assertTrue(webhook.getString("disabledReason").contains("every delivery failed"), webhook.prettify());
                // Disabled: new events are not fanned out to it.
                int before = receiver.received().size();
                post(articleId, "After the webhook was disabled", null);
                Thread.sleep(1500);
                assertEquals(before, receiver.received().size());
            } finally {
                delete(hook);
            }
        }
    }

    static void sql(String update) throws Exception {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.executeUpdate(update);
        }
    }

    @Test
    void aHangingReceiverDoesNotHoldUpSubmissions() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().delaying(Duration.ofSeconds(30))) {
            Hook hook = create(receiver.url(), List.of("comment.created"), false);
            try {
                String articleId = article();
                long start = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    post(articleId, "Comment " + i + " while the receiver hangs", null);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < 10_000, "20 submissions took " + millis + " ms");
                receiver.await(1, r -> r.body().contains(articleId), WAIT);
                // The attempt gives up after the read timeout (2 s in tests) and is retried later.
                long deadline = System.nanoTime() + WAIT.toNanos();
                String error = null;
                while (error == null && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    error = asAdmin().when().get("/api/moderation/webhooks/{id}/deliveries", hook.id()).then().statusCode(200)
                            .extract().jsonPath().getString("items.find { it.lastError != null }.lastError");
                }
                assertTrue(error != null && error.startsWith("No"), String.valueOf(error));
            } finally {
                delete(hook);
            }
        }
    }

    @Test
    void aTestPingGoesToOneWebhook() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(); WebhookReceiver other = new WebhookReceiver()) {
            Hook hook = create(receiver.url(), List.of("comment.created"), false);
            Hook otherHook = create(other.url(), List.of("comment.created"), false);
            try {
                asAdmin().when().post("/api/moderation/webhooks/{id}/test", hook.id()).then().statusCode(202)
                        .body("eventType", equalTo("webhook.ping")).body("status", equalTo("PENDING"));
                JsonPath ping = events(receiver, hook, 1, null).get(0);
                assertEquals("webhook.ping", ping.getString("type"));
                assertEquals(hook.id(), ping.getLong("data.webhookId"));
                Thread.sleep(300);
                assertTrue(other.received().stream().noneMatch(r -> r.body().contains("webhook.ping")));
                asAdmin().when().post("/api/moderation/webhooks/{id}/deliveries/{d}/redeliver", hook.id(), 0).then().statusCode(404);
            } finally {
                delete(hook);
                delete(otherHook);
            }
        }
    }

    @Test
    void metricsCountDeliveriesAndTheBacklog() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Hook hook = create(receiver.url(), List.of("comment.created"), false);
            try {
                String articleId = article();
                post(articleId, "Counted", null);
                events(receiver, hook, 1, articleId);
                given().when().get("/q/metrics").then().statusCode(200)
                        .body(containsString("webhook_deliveries_total{outcome=\"delivered\"}"))
                        .body(containsString("webhook_outbox_backlog"))
                        .body(containsString("webhook_outbox_oldest_age_seconds"));
            } finally {
                delete(hook);
            }
        }
    }

    /**
     * A claim reads about the rows it claims, not the backlog: with statistics taken while nothing was pending
     * (autovacuum off, or not yet run), 3,000 pending deliveries of a disabled webhook due first and 3,000 of
     * an enabled one, claiming 64 reads a few hundred rows. (Before, every claim walked the disabled
     * webhook's deliveries, and each candidate's place in its comment's queue was looked up by reading every
     * pending row: here 3,064 candidates times 6,000 rows, 2.7 s.) In one transaction, rolled back, that the
     * delivery loop never sees.
     */
    @Test
    void aClaimReadsTheRowsItClaimsNotTheBacklog() throws Exception {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("""
                        insert into webhook (id, url, events, enabled, secret, created_at, updated_at)
                        values (-1, 'https://disabled.example/hook', 'comment.created', false, 'whsec_x', now(), now()),
                               (-2, 'https://enabled.example/hook', 'comment.created', true, 'whsec_x', now(), now())""");
                // 12,000 deliveries made, all delivered when the statistics are taken...
                s.execute("""
                        with ev as (
                            insert into outbox_event (type, ordering_key, payload, occurred_at, dispatched_at)
                            select 'comment.created', 'comment:claim-' || n, '{}', now(), now() from generate_series(1, 12000) n
                            returning seq, event_id, type, ordering_key
                        )
                        insert into webhook_delivery (webhook_id, event_seq, event_id, event_type, ordering_key, status,
                            attempts, next_attempt_at, retry_until, created_at)
                        select case when seq % 2 = 0 then -1 else -2 end, seq, event_id, type, ordering_key, 'DELIVERED', 1,
                            now() - interval '3 hours', now() + interval '1 day', now()
                        from ev""");
                s.execute("analyze webhook_delivery");
                // ... then half of them pending again, the disabled webhook's due first.
                s.execute("""
                        update webhook_delivery set status = 'PENDING', attempts = 0,
                            next_attempt_at = now() - case when webhook_id = -1 then interval '2 hours' else interval '1 hour' end
                                + (event_seq % 10000) * interval '1 millisecond'
                        where webhook_id in (-1, -2) and event_seq % 4 < 2""");
                s.executeQuery(Deliveries.CLAIM_SETTINGS).close();
                String claim = Deliveries.CLAIM.replace("?1", "now()").replace("?2", "64")
                        .replace("?3", "now() + interval '1 minute'");
                JsonNode plan;
                try (var rs = s.executeQuery("explain (analyze, format json) " + claim)) {
                    rs.next();
                    plan = new ObjectMapper().readTree(rs.getString(1)).get(0).get("Plan");
                }
                assertEquals(64, plan.get("Actual Rows").asLong(), plan.toPrettyString());
                long read = rowsRead(plan, "webhook_delivery");
                assertTrue(read < 1000, read + " rows of webhook_delivery read to claim 64:\n" + plan.toPrettyString());
                // EXPLAIN ANALYZE ran the claim: its rows are those attempted at the transaction's now().
                try (var rs = s.executeQuery("select count(*), count(*) filter (where webhook_id = -1)"
                        + " from webhook_delivery where last_attempt_at = now()")) {
                    rs.next();
                    assertEquals(64, rs.getLong(1));
                    assertEquals(0, rs.getLong(2), "a disabled webhook's deliveries are not claimed");
                }
            } finally {
                c.rollback();
            }
        }
    }

    /** Rows a plan's scans of {@code table} returned or filtered out, over all their loops. */
    static long rowsRead(JsonNode node, String table) {
        long read = 0;
        if (table.equals(node.path("Relation Name").asText())) {
            read += (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong())
                    * Math.max(1, node.path("Actual Loops").asLong());
        }
        for (JsonNode child : node.path("Plans")) {
            read += rowsRead(child, table);
        }
        return read;
    }
}
