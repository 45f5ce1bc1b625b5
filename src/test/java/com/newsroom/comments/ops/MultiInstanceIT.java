package com.newsroom.comments.ops;

import com.newsroom.comments.support.TestWords;
import com.newsroom.comments.support.Challenges;
import com.newsroom.comments.support.ManagementPort;
import com.newsroom.comments.support.Readers;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Two instances of the packaged application (production profile) on one PostgreSQL database: rule
 * changes, flood and duplicate checks, the scheduled purge, optimistic locking, readers' reports, the
 * public page cache and webhook deliveries (an instance killed mid-delivery) hold across them.
 */
class MultiInstanceIT {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "multi-instance-admin-password";
    static final String BOTS_KEY = "multi-instance-bots-key-not-a-secret";

    static String jdbcUrl;
    static String dbUser;
    static Instance a;
    static Instance b;

    record Instance(Process process, int port, int managementPort, File log) {
        RequestSpecification api() {
            return given().baseUri("http://127.0.0.1").port(port);
        }

        /** Health and metrics: the management interface, as production serves them. */
        RequestSpecification management() {
            return given().baseUri("http://127.0.0.1").port(managementPort);
        }

        RequestSpecification admin() {
            return api().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
        }
    }

    @BeforeAll
    static void startTwoInstances() throws Exception {
        String testUrl = System.getenv().getOrDefault("TEST_DB_URL", "jdbc:postgresql://localhost:5432/test");
        dbUser = System.getenv().getOrDefault("TEST_DB_USER", "postgres");
        URI server = URI.create(testUrl.substring("jdbc:".length()));
        String database = server.getPath().substring(1) + "_multi";
        String base = "jdbc:postgresql://" + server.getHost() + ":" + (server.getPort() == -1 ? 5432 : server.getPort());
        try (Connection c = DriverManager.getConnection(base + "/postgres", dbUser, System.getenv("TEST_DB_PASSWORD"));
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
        }
        jdbcUrl = base + "/" + database;
        a = start("a");
        awaitReady(a); // the first instance migrates the schema and creates the admin
        b = start("b");
        awaitReady(b);
    }

    /**
     * Graceful shutdown: a request in flight when the instance is told to stop (SIGTERM) still completes.
     * A large word-list import is the slowest request there is (parse, validate, compile).
     */
    @AfterAll
    static void stop() throws Exception {
        if (b != null) {
            StringBuilder words = new StringBuilder();
            for (int i = 0; i < 60_000; i++) {
                words.append(TestWords.madeUp("gs")).append('\n');
            }
            CompletableFuture<Integer> inFlight = CompletableFuture.supplyAsync(() -> b.admin()
                    .contentType(ContentType.TEXT).body(words.toString()).queryParam("action", "HOLD")
                    .post("/api/moderation/rules/import").statusCode());
            Thread.sleep(300);
            b.process().destroy();
            assertEquals(201, inFlight.get(60, TimeUnit.SECONDS), "the in-flight request was not completed");
        }
        for (Instance instance : new Instance[] { a, b }) {
            if (instance != null) {
                instance.process().destroy(); // SIGTERM: graceful shutdown
                assertTrue(instance.process().waitFor(30, TimeUnit.SECONDS), "instance did not stop");
            }
        }
    }

    static Instance start(String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        File log = new File("target/multi-instance-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx256m", "-jar",
                "target/quarkus-app/quarkus-run.jar").redirectErrorStream(true).redirectOutput(log);
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        int managementPort = ManagementPort.free();
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", dbUser);
        env.put("COMMENTS_ADMIN_USERNAME", ADMIN);
        env.put("COMMENTS_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("COMMENTS_RULES_REFRESH_INTERVAL", "1s");
        env.put("COMMENTS_PURGE_CRON", "*/3 * * * * ?");
        env.put("COMMENTS_PURGE_LEASE", "2s");
        env.put("COMMENTS_PURGE_MAX_AGE", "1d");
        env.put("COMMENTS_PUBLIC_CACHE_TTL", "60s"); // long: only the other instance's NOTIFY can evict in time
        env.put("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true");
        env.put("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true");
        // One key for both, as in production: each accepts the other's tokens and challenges.
        env.put("COMMENTS_BOTS_HMAC_KEY", BOTS_KEY);
        // Adaptive: only clients that gave themselves away must solve a challenge (the other tests' never do).
        env.put("COMMENTS_BOTS_PROOF_OF_WORK", "adaptive");
        // Webhooks to the test's receiver on 127.0.0.1 over http. A delivery's lease is connect + 2 x read
        // timeout + 30 s: 1 s + 20 s + 30 s here.
        env.put("COMMENTS_WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true");
        env.put("COMMENTS_WEBHOOKS_REQUIRE_HTTPS", "false");
        env.put("COMMENTS_WEBHOOKS_CONNECT_TIMEOUT", "1s");
        return new Instance(builder.start(), port, managementPort, log);
    }

    /** Three minutes: on a machine shared by several builds an instance took 68 s to start. */
    static void awaitReady(Instance instance) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            assertTrue(instance.process().isAlive(), "instance exited; see " + instance.log());
            try {
                if (instance.management().get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception e) { // RestAssured rethrows ConnectException undeclared
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("instance not ready within 180 s; see " + instance.log());
    }

    static String word() {
        return TestWords.madeUp("mz");
    }

    static int post(Instance instance, String articleId, String ip, Map<String, Object> body) {
        return Readers.from(instance.api(), ip).contentType(ContentType.JSON).body(body)
                .post("/api/articles/{a}/comments", articleId).statusCode();
    }

    /** Signs in on {@code instance} from its own address; returns the session cookie. */
    static String session(Instance instance, String username, String password) {
        return Readers.from(instance.api(), "198.51.100." + (int) (Math.random() * 250)).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password)).post("/api/moderation/session")
                .then().statusCode(200).extract().cookie("moderator_session");
    }

    static int statsWith(Instance instance, String cookie) {
        return instance.api().cookie("moderator_session", cookie).get("/api/moderation/stats").statusCode();
    }

    /** How long until {@code cookie} stops reading through {@code instance}, failing after 10 s. */
    static long millisUntilRefused(Instance instance, String cookie) throws InterruptedException {
        return millisUntilRefused(() -> statsWith(instance, cookie));
    }

    /** How long until {@code status} stops answering 200, failing after 10 s. */
    static long millisUntilRefused(java.util.function.IntSupplier status) throws InterruptedException {
        long started = System.currentTimeMillis();
        while (status.getAsInt() == 200) {
            assertTrue(System.currentTimeMillis() - started < 10_000, "the credential still works after 10 s");
            Thread.sleep(50);
        }
        return System.currentTimeMillis() - started;
    }

    @Test
    void aSessionEndedThroughOneInstanceEndsOnTheOther() throws InterruptedException {
        String user = "multi-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a long multi-instance pass phrase";
        a.admin().contentType(ContentType.JSON).body(Map.of("username", user, "password", password))
                .post("/api/moderation/moderators").then().statusCode(201);

        // Sign-out through A: a change through B is refused at once, reads within the recheck interval (1 s).
        String cookie = session(a, user, password);
        assertEquals(200, statsWith(b, cookie));
        a.api().cookie("moderator_session", cookie).header("X-Requested-With", "XMLHttpRequest")
                .delete("/api/moderation/session").then().statusCode(204);
        b.api().cookie("moderator_session", cookie).header("X-Requested-With", "XMLHttpRequest")
                .contentType(ContentType.JSON).body(Map.of("name", "Ali", "text", "hello"))
                .post("/api/moderation/check").then().statusCode(401);
        assertTrue(millisUntilRefused(b, cookie) < 2_000, "a read through B took more than 2 s to be refused");

        // A password change through B ends the sessions signed in through A, and A's remembered Basic credential.
        String onA = session(a, user, password);
        a.api().auth().preemptive().basic(user, password).get("/api/moderation/stats").then().statusCode(200);
        b.api().cookie("moderator_session", session(b, user, password)).header("X-Requested-With", "XMLHttpRequest")
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", password, "newPassword", "the changed multi-instance pass phrase"))
                .put("/api/moderation/session/password").then().statusCode(200);
        assertTrue(millisUntilRefused(a, onA) < 2_000, "A's session outlived the password change by more than 2 s");
        // A read with the remembered credential: refused within the recheck interval, like a session's.
        assertTrue(millisUntilRefused(() -> a.api().auth().preemptive().basic(user, password)
                .get("/api/moderation/stats").statusCode()) < 2_000, "A's remembered Basic credential outlived the password change by more than 2 s");
        a.api().auth().preemptive().basic(user, password).get("/api/moderation/stats").then().statusCode(401);
    }

    @Test
    void aRuleAddedOnOneInstanceDecidesOnTheOther() throws InterruptedException {
        String term = word();
        // Warm B up (first request: class loading, first sign-in), so that the clock measures propagation.
        b.admin().contentType(ContentType.JSON).body(Map.of("name", "Ali", "text", "warm up"))
                .post("/api/moderation/check").then().statusCode(200);
        a.admin().contentType(ContentType.JSON).body(Map.of("type", "TERMS", "action", "HOLD", "terms", List.of(term)))
                .post("/api/moderation/rules").then().statusCode(201);
        long started = System.currentTimeMillis();
        String decision = null;
        while (System.currentTimeMillis() - started < 10_000) {
            decision = b.admin().contentType(ContentType.JSON).body(Map.of("name", "Ali", "text", "so " + term))
                    .post("/api/moderation/check").then().statusCode(200).extract().path("decision");
            if ("PENDING".equals(decision)) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("PENDING", decision);
        assertTrue(System.currentTimeMillis() - started < 5_000, "took more than a few seconds");
    }

    @Test
    void floodAndDuplicateRulesHoldAcrossInstances() throws Exception {
        String articleId = "multi-" + UUID.randomUUID();
        assertEquals(201, post(a, articleId, "198.51.100.50", Map.of("name", "Ali", "text", "first on A")));
        assertEquals(429, post(b, articleId, "198.51.100.50", Map.of("name", "Ali", "text", "second on B")));

        // The same double-submit sent to both at once stores one comment.
        Map<String, Object> body = Map.of("name", "Veli", "email", "veli-" + UUID.randomUUID() + "@example.com",
                "text", "Double click " + UUID.randomUUID());
        List<CompletableFuture<Integer>> sends = new ArrayList<>();
        for (Instance instance : List.of(a, b, a, b)) {
            sends.add(CompletableFuture.supplyAsync(() -> post(instance, articleId, "198.51.100.51", body)));
        }
        List<Integer> statuses = sends.stream().map(CompletableFuture::join).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        int stored = a.api().get("/api/articles/{a}/comments", articleId).then().extract().path("totalItems");
        assertEquals(2, stored);
    }

    @Test
    void aCommentApprovedOnOneInstanceShowsOnTheOthersCachedPage() throws InterruptedException {
        String articleId = "multi-cache-" + UUID.randomUUID();
        long id = Readers.from(a.api(), "198.51.100.80").contentType(ContentType.JSON)
                .body(Map.of("name", "Ali", "text", "Approved through the other instance"))
                .post("/api/articles/{a}/comments", articleId).then().statusCode(201).extract().jsonPath().getLong("id");
        a.admin().post("/api/moderation/comments/{id}/hold", id).then().statusCode(200);
        // A caches the page without the comment (the second read is a cache hit).
        for (int i = 0; i < 2; i++) {
            a.api().get("/api/articles/{a}/comments", articleId).then().statusCode(200).body("totalItems", equalTo(0));
        }
        b.admin().post("/api/moderation/comments/{id}/approve", id).then().statusCode(200);
        long approved = System.currentTimeMillis();
        int shown = 0;
        while (shown == 0 && System.currentTimeMillis() - approved < 10_000) {
            Thread.sleep(100);
            shown = a.api().get("/api/articles/{a}/comments", articleId).then().statusCode(200)
                    .extract().path("totalItems");
        }
        long took = System.currentTimeMillis() - approved;
        assertEquals(1, shown, "A never showed the comment approved on B");
        assertTrue(took < 5_000, "A showed it after " + took + " ms; its TTL is 60 s");
    }

    @Test
    void aNewCommentShowsToItsAuthorAtOnceAndToEveryReaderWithinTheFreshnessWindow() throws InterruptedException {
        String articleId = "multi-fresh-" + UUID.randomUUID();
        Readers.from(a.api(), "203.0.113.170").contentType(ContentType.JSON).body(Map.of("name", "Ali", "text", "The first"))
                .post("/api/articles/{a}/comments", articleId).then().statusCode(201);
        // Both instances cache the page with one comment (the second reads are cache hits).
        for (Instance instance : List.of(a, b, a, b)) {
            instance.api().get("/api/articles/{a}/comments", articleId).then().statusCode(200).body("totalItems", equalTo(1));
        }
        String author = Readers.from(a.api(), "203.0.113.171").contentType(ContentType.JSON)
                .body(Map.of("name", "Veli", "text", "The second")).post("/api/articles/{a}/comments", articleId)
                .then().statusCode(201).extract().cookie("comments_author");
        long posted = System.currentTimeMillis();
        // Its author sees it at once through either instance, before B has heard of it (NOTIFY within 100 ms).
        for (Instance instance : List.of(b, a)) {
            instance.api().cookie("comments_author", author).get("/api/articles/{a}/comments", articleId).then()
                    .statusCode(200).body("totalItems", equalTo(2)).body("items[1].name", equalTo("Veli"));
        }
        // Every other reader, on both instances, within comments.public-cache.freshness (1 s) and the NOTIFY's delay.
        for (Instance instance : List.of(a, b)) {
            int shown = 1;
            while (shown == 1 && System.currentTimeMillis() - posted < 10_000) {
                shown = instance.api().get("/api/articles/{a}/comments", articleId).then().statusCode(200)
                        .extract().path("totalItems");
                if (shown == 1) {
                    Thread.sleep(50);
                }
            }
            assertEquals(2, shown, "instance on port " + instance.port() + " never showed the new comment");
        }
        long took = System.currentTimeMillis() - posted;
        assertTrue(took < 5_000, "both showed it after " + took + " ms; the freshness window is 1 s, the TTL 60 s");
    }

    @Test
    void reportsOnBothInstancesCountTogetherAndTheHideReachesBothCaches() throws InterruptedException {
        String articleId = "multi-reports-" + UUID.randomUUID();
        long id = Readers.from(a.api(), "198.51.100.90").contentType(ContentType.JSON)
                .body(Map.of("name", "Ali", "text", "Reported on both instances"))
                .post("/api/articles/{a}/comments", articleId).then().statusCode(201).extract().jsonPath().getLong("id");
        // Both instances cache the page with the comment (the second read is a cache hit).
        for (Instance instance : List.of(a, b, a, b)) {
            instance.api().get("/api/articles/{a}/comments", articleId).then().statusCode(200).body("totalItems", equalTo(1));
        }
        report(a, articleId, id, "198.51.100.91");
        report(b, articleId, id, "198.51.100.92");
        // The same reporter again, through the other instance: still two.
        report(a, articleId, id, "198.51.100.92");
        for (Instance instance : List.of(a, b)) {
            instance.api().get("/api/articles/{a}/comments", articleId).then().body("totalItems", equalTo(1));
        }
        report(b, articleId, id, "198.51.100.93");
        long hidden = System.currentTimeMillis();
        for (Instance instance : List.of(b, a)) {
            int shown = 1;
            while (shown == 1 && System.currentTimeMillis() - hidden < 10_000) {
                shown = instance.api().get("/api/articles/{a}/comments", articleId).then().statusCode(200)
                        .extract().path("totalItems");
                if (shown == 1) {
                    Thread.sleep(100);
                }
            }
            assertEquals(0, shown, "instance on port " + instance.port() + " still shows the hidden comment");
        }
        long took = System.currentTimeMillis() - hidden;
        assertTrue(took < 5_000, "both hid it after " + took + " ms; the TTL is 60 s");
        a.admin().get("/api/moderation/comments/{id}", id).then().body("status", equalTo("PENDING"))
                .body("reports.count", equalTo(3));
    }

    static void report(Instance instance, String articleId, long id, String ip) {
        Readers.from(instance.api(), ip).contentType(ContentType.JSON).body(Map.of("reason", "ABUSE"))
                .post("/api/articles/{a}/comments/{id}/reports", articleId, id).then().statusCode(202);
    }

    @Test
    void concurrentModeratorsOnDifferentInstancesAreDetected() {
        String articleId = "multi-lock-" + UUID.randomUUID();
        long id = Readers.from(a.api(), "198.51.100.60").contentType(ContentType.JSON)
                .body(Map.of("name", "Ali", "text", "To be moderated")).post("/api/articles/{a}/comments", articleId)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String etag = a.admin().get("/api/moderation/comments/{id}", id).then().statusCode(200).extract().header("ETag");
        a.admin().header("If-Match", etag).post("/api/moderation/comments/{id}/reject", id).then().statusCode(200);
        b.admin().header("If-Match", etag).post("/api/moderation/comments/{id}/approve", id).then().statusCode(412);
    }

    @Test
    void aProofOfWorkSolutionSpentOnOneInstanceIsRefusedOnTheOther() {
        String articleId = "multi-pow-" + UUID.randomUUID();
        String ip = "198.51.100.90";
        // A forged form token on each instance makes this client suspect there (adaptive: suspects are per
        // instance); refused with 400, it stores nothing, so flood control does not hold the posts below.
        for (Instance instance : List.of(a, b)) {
            assertEquals(400, post(instance, articleId, ip, Map.of("name", "Bot", "text", "spam " + UUID.randomUUID(),
                    "formToken", "1.forged.token")));
            Readers.from(instance.api(), ip).get("/api/articles/{a}/form-token", articleId).then().statusCode(200)
                    .body("proofOfWork", equalTo(true));
        }
        assertEquals(400, post(b, articleId, ip, Map.of("name", "Ali", "text", "without a solution")));
        String solution = Challenges.solved(a.api()); // issued by A, accepted by B: one key
        assertEquals(201, post(b, articleId, ip, Map.of("name", "Ali", "text", "solved once", "altcha", solution)));
        Readers.from(a.api(), ip).contentType(ContentType.JSON)
                .body(Map.of("name", "Ali", "text", "the same solution again", "altcha", solution))
                .post("/api/articles/{a}/comments", articleId).then().statusCode(400)
                .body("errors[0].code", equalTo("altcha.invalid"));
    }

    @Test
    void theSpamPurgeRunsOncePerSchedule() throws Exception {
        String articleId = "multi-purge-" + UUID.randomUUID();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = Readers.from(a.api(), "198.51.100.7" + i).contentType(ContentType.JSON)
                    .body(Map.of("name", "Spammer", "text", "Buy now " + i)).post("/api/articles/{a}/comments", articleId)
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            a.admin().post("/api/moderation/comments/{id}/spam", id).then().statusCode(200);
            ids.add(id);
        }
        Instant since = Instant.now();
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, System.getenv("TEST_DB_PASSWORD"));
                Statement s = c.createStatement()) {
            s.executeUpdate("update comment set updated_at = now() - interval '2 days' where article_id = '" + articleId + "'");
            Thread.sleep(10_000); // three or four schedules of */3 seconds, on both instances
            List<Instant> runs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select at from audit_entry where action = 'PURGE' and at >= '"
                    + since + "' order by at")) {
                while (rs.next()) {
                    runs.add(rs.getTimestamp(1).toInstant());
                }
            }
            assertTrue(runs.size() >= 2 && runs.size() <= 4, "purge runs: " + runs);
            for (int i = 1; i < runs.size(); i++) {
                long gap = runs.get(i).toEpochMilli() - runs.get(i - 1).toEpochMilli();
                assertTrue(gap >= 2_000, "two purges in one schedule: " + runs);
            }
            try (ResultSet rs = s.executeQuery("select count(*) from comment where article_id = '" + articleId + "'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "old spam was not purged");
            }
        }
    }

    /**
     * A receiver holds the first delivery of a comment's event open; the instance sending it is killed
     * (SIGKILL: no shutdown, the attempt never recorded). Once the delivery's lease ends the other
     * instance claims it and delivers the same event, with the same webhook-id.
     */
    @Test
    void aDeliveryCutOffByAKilledInstanceArrivesThroughTheOther() throws Exception {
        String articleId = "multi-hook-" + UUID.randomUUID();
        try (HoldingReceiver receiver = new HoldingReceiver(articleId)) {
            long hook = a.admin().contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "events", List.of("comment.created")))
                    .post("/api/moderation/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
            Instance holder = null;
            try {
                long id = Readers.from(a.api(), "198.51.100.110").contentType(ContentType.JSON)
                        .body(Map.of("name", "Ali", "text", "Delivered despite a crash"))
                        .post("/api/articles/{a}/comments", articleId).then().statusCode(201).extract().jsonPath().getLong("id");
                HoldingReceiver.Request first = receiver.next(60);
                holder = holderOf(first.clientPort(), receiver.port());
                holder.process().destroyForcibly(); // SIGKILL, as kill -9
                assertTrue(holder.process().waitFor(30, TimeUnit.SECONDS), "the killed instance did not exit");

                HoldingReceiver.Request second = receiver.next(150);
                assertEquals(first.webhookId(), second.webhookId(), "a redelivery keeps the event id");
                assertEquals(first.body(), second.body());
                assertEquals(id, new JsonPath(second.body()).getLong("data.comment.id"), second.body());
                long waited = second.at() - first.at();
                assertTrue(waited >= 30_000, "delivered again after " + waited + " ms, before the lease (51 s) ended");
                // Recorded once the survivor has the receiver's answer.
                String status = null;
                int attempts = 0;
                long deadline = System.currentTimeMillis() + 15_000;
                try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, System.getenv("TEST_DB_PASSWORD"));
                        Statement s = c.createStatement()) {
                    while (!"DELIVERED".equals(status) && System.currentTimeMillis() < deadline) {
                        try (ResultSet rs = s.executeQuery("select status, attempts from webhook_delivery where event_id = '"
                                + first.webhookId() + "'")) {
                            assertTrue(rs.next());
                            status = rs.getString(1);
                            attempts = rs.getInt(2);
                        }
                        Thread.sleep(100);
                    }
                }
                assertEquals("DELIVERED", status);
                assertEquals(2, attempts, "one attempt cut off, one delivered");
            } finally {
                // The other tests and the shutdown test need both instances.
                if (holder != null) {
                    Instance restarted = start(holder == a ? "a-restarted" : "b-restarted");
                    if (holder == a) {
                        a = restarted;
                    } else {
                        b = restarted;
                    }
                    awaitReady(restarted);
                }
                a.admin().delete("/api/moderation/webhooks/{id}", hook);
            }
        }
    }

    /**
     * The instance whose process holds the TCP connection from local port {@code clientPort} to
     * {@code serverPort}: its socket's inode in /proc/net/tcp(6), found among the instances' open files.
     */
    static Instance holderOf(int clientPort, int serverPort) throws IOException {
        String inode = null;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+"); // sl local_address rem_address st ... uid timeout inode
                if (port(f[1]) == clientPort && port(f[2]) == serverPort && !"0".equals(f[9])) {
                    inode = f[9];
                }
            }
        }
        assertTrue(inode != null, "no connection from port " + clientPort);
        String socket = "socket:[" + inode + "]";
        for (Instance instance : List.of(a, b)) {
            File[] fds = new File("/proc/" + instance.process().pid() + "/fd").listFiles();
            for (File fd : fds == null ? new File[0] : fds) {
                try {
                    if (socket.equals(Files.readSymbolicLink(fd.toPath()).toString())) {
                        return instance;
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        throw new AssertionError("neither instance holds " + socket);
    }

    /** The port of a /proc/net/tcp address ({@code 0100007F:1F90}). */
    private static int port(String address) {
        return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
    }

    /**
     * A webhook receiver that holds the first request about {@code articleId} open until it is closed
     * (the sender dies first) and answers the others 204 at once; it records those about the article.
     */
    static final class HoldingReceiver implements AutoCloseable {

        record Request(String webhookId, String body, int clientPort, long at) {
        }

        private final com.sun.net.httpserver.HttpServer server;
        private final java.util.concurrent.BlockingQueue<Request> requests = new java.util.concurrent.LinkedBlockingQueue<>();
        private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.atomic.AtomicBoolean holding = new java.util.concurrent.atomic.AtomicBoolean();

        HoldingReceiver(String articleId) throws IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "holding-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/", exchange -> {
                try (exchange) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    if (body.contains(articleId)) {
                        requests.add(new Request(exchange.getRequestHeaders().getFirst("webhook-id"), body,
                                exchange.getRemoteAddress().getPort(), System.currentTimeMillis()));
                        if (holding.compareAndSet(false, true)) {
                            closed.await(); // held open: the instance is killed meanwhile
                            return;
                        }
                    }
                    exchange.sendResponseHeaders(204, -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + port() + "/hook";
        }

        int port() {
            return server.getAddress().getPort();
        }

        Request next(int seconds) throws InterruptedException {
            Request request = requests.poll(seconds, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no delivery within " + seconds + " s");
            }
            return request;
        }

        @Override
        public void close() {
            closed.countDown();
            server.stop(0);
        }
    }
}
