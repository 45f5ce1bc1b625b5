package com.newsroom.comments.comment.store;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.article.Article;
import com.newsroom.comments.article.ArticleRepository;
import com.newsroom.comments.comment.CommentRepository;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.CommentSubmission;
import com.newsroom.comments.comment.ModerationReason;
import com.newsroom.comments.support.Readers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Duplicates (409), floods (429) and closed articles (403), against the real database. */
@QuarkusTest
class SubmissionGuardsTest {

    @Inject
    ArticleRepository articles;

    @Inject
    CommentRepository comments;

    static int post(String articleId, String ip, Map<String, Object> body) {
        return Readers.post(articleId, ip, body).extract().statusCode();
    }

    @Test
    void sameTextFromTheSameAuthorIsADuplicate() {
        String articleId = "dup-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("name", "Ali", "email", "ali-" + UUID.randomUUID() + "@example.com",
                "text", "Ne güzel bir yazı");
        assertEquals(201, post(articleId, "198.51.100.1", body));
        Readers.from("198.51.100.2").contentType(ContentType.JSON)
                .body(Map.of("name", "Ali", "email", body.get("email"), "text", "  NE GÜZEL   bir yazı "))
                .when().post("/api/articles/{id}/comments", articleId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Duplicate comment detected; it looks as though you've already said that!"));
        assertEquals(1, comments.count("articleId", articleId));
    }

    @Test
    void postingTwiceWithinTheIntervalIsAFlood() {
        String ip = Readers.uniqueIp();
        String articleId = "flood-" + UUID.randomUUID();
        assertEquals(201, post(articleId, ip, Map.of("name", "Ali", "text", "first")));
        Readers.from(ip).contentType(ContentType.JSON)
                .body(Map.of("name", "Veli", "text", "second, different text"))
                .when().post("/api/articles/{id}/comments", articleId)
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+"))
                .body("detail", equalTo("You are posting comments too quickly. Slow down."));
        // The same e-mail from another IP is the same author.
        String email = "flood-" + UUID.randomUUID() + "@example.com";
        assertEquals(201, post(articleId, "203.0.113.251", Map.of("name", "A", "email", email, "text", "one")));
        assertEquals(429, post(articleId, "203.0.113.252", Map.of("name", "A", "email", email, "text", "two")));
        assertEquals(2, comments.count("articleId", articleId));
    }

    /**
     * The key columns compare as bytes (Flyway {@code db/postgresql/V6}): the same e-mail in any script
     * finds its flood-control row, and addresses that differ only in their accents stay two authors.
     */
    @Test
    void authorKeysInEveryScriptMatchExactly() {
        String articleId = "keys-" + UUID.randomUUID();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String accented = "hamdi.fırat.büyük-" + tag + "@örnek.com.tr";
        String plain = "hamdi.firat.buyuk-" + tag + "@ornek.com.tr";
        assertEquals(201, post(articleId, "198.51.100.31", Map.of("name", "Hamdi Fırat Büyük", "email", accented, "text", "Bir")));
        assertEquals(201, post(articleId, "198.51.100.32", Map.of("name", "Hamdi Firat Buyuk", "email", plain, "text", "İki")));
        assertEquals(429, post(articleId, "198.51.100.33", Map.of("name", "Hamdi", "email", accented, "text", "Üç")));
        assertEquals(2, comments.count("articleId", articleId));
    }

    /** A later migration that recreated one of these columns without it would bring a collation call back to every comparison. */
    @Test
    void keyColumnsCompareAsBytes() throws Exception {
        List<String> keyColumns = List.of("article.id", "article_comment_count.article_id", "audit_entry.article_id",
                "comment.article_id", "comment.dedup_key", "comment.email", "comment.ip_address", "comment.status",
                "submission_throttle.throttle_key");
        List<String> found = new ArrayList<>();
        try (Connection db = testDatabase(); Statement sql = db.createStatement();
                var rs = sql.executeQuery("""
                        select table_name || '.' || column_name, collation_name from information_schema.columns
                        where table_schema = current_schema() order by 1""")) {
            while (rs.next()) {
                if (keyColumns.contains(rs.getString(1))) {
                    found.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        assertEquals(keyColumns.stream().map(column -> column + " C").toList(), found);
    }

    @Test
    void concurrentDoubleSubmitStoresOneComment() throws Exception {
        String articleId = "double-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("name", "Ali", "text", "Clicked twice " + UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> post(articleId, "198.51.100.77", body));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 409 || s == 429).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, comments.count("articleId", articleId));
    }

    /** Many at once end up in shared write batches: each must still be answered as if it came alone. */
    @Test
    void concurrentMixedSubmissionsAreEachAnsweredAsIfAlone() throws Exception {
        String articleId = "batch-" + UUID.randomUUID();
        String email = "batch-" + UUID.randomUUID() + "@example.com";
        List<Callable<Integer>> distinct = new ArrayList<>();
        List<Callable<Integer>> sameIp = new ArrayList<>();
        List<Callable<Integer>> sameText = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String ip = "198.18.1." + (i + 1);
            String text = "Reader " + i + " has a distinct opinion " + UUID.randomUUID();
            distinct.add(() -> post(articleId, ip, Map.of("name", "Reader " + ip, "text", text)));
        }
        for (int i = 0; i < 6; i++) {
            String text = "One reader, many thoughts " + UUID.randomUUID();
            sameIp.add(() -> post(articleId, "198.18.2.1", Map.of("name", "Hasty", "text", text)));
        }
        for (int i = 0; i < 6; i++) {
            String ip = "198.18.3." + (i + 1);
            sameText.add(() -> post(articleId, ip, Map.of("name", "Echo", "email", email, "text", "Same words again")));
        }
        List<Integer> distinctStatuses = new ArrayList<>();
        List<Integer> sameIpStatuses = new ArrayList<>();
        List<Integer> sameTextStatuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(28);
        try {
            List<Callable<Integer>> all = new ArrayList<>(distinct);
            all.addAll(sameIp);
            all.addAll(sameText);
            List<Future<Integer>> futures = pool.invokeAll(all);
            for (int i = 0; i < futures.size(); i++) {
                (i < 16 ? distinctStatuses : i < 22 ? sameIpStatuses : sameTextStatuses).add(futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(201), distinctStatuses.stream().distinct().toList(), distinctStatuses.toString());
        assertEquals(1, sameIpStatuses.stream().filter(s -> s == 201).count(), sameIpStatuses.toString());
        assertEquals(5, sameIpStatuses.stream().filter(s -> s == 429).count(), sameIpStatuses.toString());
        assertEquals(1, sameTextStatuses.stream().filter(s -> s == 201).count(), sameTextStatuses.toString());
        assertEquals(5, sameTextStatuses.stream().filter(s -> s == 409 || s == 429).count(), sameTextStatuses.toString());
        assertEquals(18, comments.count("articleId", articleId));
    }

    /**
     * A batch that fails as a whole (here a unique-key violation that a trigger raises for one comment,
     * as a race with another instance would) is stored one comment per transaction: the others are kept.
     */
    @Test
    void aFailingBatchIsRetriedOneByOne() throws Exception {
        String articleId = "race-" + UUID.randomUUID();
        try (Connection db = testDatabase(); Statement sql = db.createStatement()) {
            sql.execute("""
                    create or replace function simulate_dedup_race() returns trigger language plpgsql as $$
                    begin
                        raise exception using errcode = 'unique_violation',
                            message = 'duplicate key value violates unique constraint "comment_dedup_key_idx"';
                    end $$""");
            sql.execute("""
                    create trigger simulate_dedup_race before insert on comment for each row
                    when (new.text like '%simulated-race%') execute function simulate_dedup_race()""");
            try {
                List<Callable<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    String ip = "198.18.4." + (i + 1);
                    String text = (i == 5 ? "simulated-race " : "Innocent bystander ") + UUID.randomUUID();
                    calls.add(() -> post(articleId, ip, Map.of("name", "Reader " + ip, "text", text)));
                }
                ExecutorService pool = Executors.newFixedThreadPool(12);
                List<Integer> statuses = new ArrayList<>();
                try {
                    for (Future<Integer> f : pool.invokeAll(calls)) {
                        statuses.add(f.get());
                    }
                } finally {
                    pool.shutdownNow();
                }
                assertEquals(409, statuses.get(5), statuses.toString());
                assertEquals(11, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
                assertEquals(11, comments.count("articleId", articleId));
            } finally {
                sql.execute("drop trigger simulate_dedup_race on comment");
                sql.execute("drop function simulate_dedup_race()");
            }
        }
    }

    @Inject
    CommentStore store;

    private static CommentDraft draft(String articleId, String ip, String email, Instant at) {
        CommentSubmission submission = new CommentSubmission("Hamdi Fırat Büyük", "Batch " + UUID.randomUUID(), email, null, null);
        return new CommentDraft(articleId, submission, ip, "test", null, SubmissionThrottle.keys(submission, ip),
                java.time.Duration.ofSeconds(30), null, List.of(), at);
    }

    private static Instant throttled(Statement sql, String key) throws Exception {
        try (var rs = sql.executeQuery("select last_submitted_at from submission_throttle where throttle_key = '" + key + "'")) {
            return rs.next() ? rs.getObject(1, java.time.OffsetDateTime.class).toInstant() : null;
        }
    }

    @Test
    void oneBatchJudgesItsAuthorsInOrderAndStoresOnlyAdmittedTimes() throws Exception {
        String articleId = "batch-" + UUID.randomUUID();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        java.util.Random random = new java.util.Random();
        String sharedIp = "2001:db8::" + Integer.toHexString(random.nextInt(0xffff));
        String otherIp = "2001:db8::1:" + Integer.toHexString(random.nextInt(0xffff));
        Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String first = "first-" + tag + "@example.com";
        String second = "second-" + tag + "@example.com";
        String other = "other-" + tag + "@example.com";
        // The second comment shares the first one's IP a second later: refused in the same batch.
        List<CommentStore.Result> results = store.store(List.of(
                draft(articleId, sharedIp, first, t),
                draft(articleId, sharedIp, second, t.plusSeconds(1)),
                draft(articleId, otherIp, other, t.plusSeconds(2))), 1).results();
        assertNull(results.get(0).refusal());
        assertEquals(429, results.get(1).refusal().status());
        assertNull(results.get(2).refusal());
        try (Connection db = testDatabase(); Statement sql = db.createStatement()) {
            assertEquals(t, throttled(sql, "ip:" + sharedIp));
            assertEquals(t, throttled(sql, "email:" + first));
            assertEquals(Instant.EPOCH, throttled(sql, "email:" + second), "a refused comment takes no flood slot");
            assertEquals(t.plusSeconds(2), throttled(sql, "email:" + other));
        }
        // The refused author's e-mail is free; the shared IP is not.
        List<CommentStore.Result> next = store.store(List.of(
                draft(articleId, otherIp + "1", second, t.plusSeconds(3)),
                draft(articleId, sharedIp, "third-" + tag + "@example.com", t.plusSeconds(4))), 2).results();
        assertNull(next.get(0).refusal());
        assertEquals(429, next.get(1).refusal().status());
        assertEquals(3, comments.count("articleId", articleId), "two of the first batch, one of the second");
    }

    @Test
    void oneBatchStoresEveryFieldReasonAndCountItDecided() throws Exception {
        String articleId = "batch-" + UUID.randomUUID();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String takenKey = "dedup-" + tag;
        CommentDraft original = withDedupKey(draft(articleId, "192.0.2.1", "original-" + tag + "@example.com", t), takenKey);
        assertNull(store.store(List.of(original), 1).results().get(0).refusal());

        String doubleIp = "192.0.2.2";
        String doubleEmail = "double-" + tag + "@example.com";
        CommentDraft doubleSubmit = withDedupKey(draft(articleId, doubleIp, doubleEmail, t.plusSeconds(1)), takenKey);
        List<ModerationReason> reasons = List.of(
                new ModerationReason(7L, "TERMS", "text", "Erdoğan", 12, 19, "HOLD", "Matched a held term"),
                new ModerationReason(null, "LINKS", "website", null, null, null, "HOLD", "Too many links: 3"));
        CommentDraft held = new CommentDraft(articleId, new CommentSubmission("Recep Tayyip Erdoğan", "Held text", null, null, null),
                "192.0.2.3", "test", null, new java.util.TreeSet<>(), java.time.Duration.ZERO, null, reasons, t.plusSeconds(2));
        // What an array literal must carry unharmed: quotes, backslashes, braces, commas, the word NULL, any script.
        String hostileText = "\"Fırat\" {Büyük}, a\\b 'x' NULL \u00e7\u011f \ud83d\ude00\n\tend";
        CommentDraft plain = new CommentDraft(articleId, new CommentSubmission("NULL", hostileText, null, "https://example.com/{a,b}", null),
                "192.0.2.4", "agent \"quoted\"", null, new java.util.TreeSet<>(), java.time.Duration.ZERO, null, List.of(),
                t.plusSeconds(3));

        List<CommentStore.Result> results = store.store(List.of(doubleSubmit, held, plain), 2).results();
        assertEquals(409, results.get(0).refusal().status());
        assertEquals(CommentStatus.PENDING, results.get(1).comment().status);
        assertEquals(CommentStatus.APPROVED, results.get(2).comment().status);
        long heldId = results.get(1).comment().id;
        long plainId = results.get(2).comment().id;
        try (Connection db = testDatabase(); Statement sql = db.createStatement()) {
            assertEquals(Instant.EPOCH, throttled(sql, "ip:" + doubleIp), "a refused double submit takes no flood slot");
            assertEquals(Instant.EPOCH, throttled(sql, "email:" + doubleEmail));
            try (var rs = sql.executeQuery("select name, text, website, user_agent, email, parent_id, status, created_at from comment where id = " + plainId)) {
                rs.next();
                assertEquals("NULL", rs.getString(1));
                assertEquals(hostileText, rs.getString(2));
                assertEquals("https://example.com/{a,b}", rs.getString(3));
                assertEquals("agent \"quoted\"", rs.getString(4));
                assertNull(rs.getString(5));
                assertNull(rs.getObject(6));
                assertEquals("APPROVED", rs.getString(7));
                assertEquals(t.plusSeconds(3), rs.getObject(8, java.time.OffsetDateTime.class).toInstant());
            }
            List<String> stored = new ArrayList<>();
            try (var rs = sql.executeQuery("select position, rule_id, rule_type, field, match_text, start_offset, end_offset, action, detail"
                    + " from comment_reason where comment_id = " + heldId + " order by position")) {
                while (rs.next()) {
                    stored.add(rs.getInt(1) + "|" + rs.getObject(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                            + rs.getString(5) + "|" + rs.getObject(6) + "|" + rs.getObject(7) + "|" + rs.getString(8) + "|" + rs.getString(9));
                }
            }
            assertEquals(List.of("0|7|TERMS|text|Erdoğan|12|19|HOLD|Matched a held term",
                    "1|null|LINKS|website|null|null|null|HOLD|Too many links: 3"), stored);
            try (var rs = sql.executeQuery("select shard, approved from article_comment_count where article_id = '" + articleId + "' order by shard")) {
                List<String> counts = new ArrayList<>();
                while (rs.next()) {
                    counts.add(rs.getInt(1) + ":" + rs.getLong(2));
                }
                assertEquals(List.of("1:1", "2:1"), counts, "one approved comment per batch, each in its writer's shard");
            }
        }
    }

    private static CommentDraft withDedupKey(CommentDraft d, String dedupKey) {
        return new CommentDraft(d.articleId(), d.submission(), d.ipAddress(), d.userAgent(), dedupKey, d.throttleKeys(),
                d.floodInterval(), d.firstComment(), d.engineReasons(), d.submittedAt());
    }

    private static Connection testDatabase() throws Exception {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    @Test
    void closedArticleRefusesComments() {
        String articleId = "closed-" + UUID.randomUUID();
        assertEquals(201, post(articleId, "198.51.100.10", Map.of("name", "Ali", "text", "before closing")));
        QuarkusTransaction.requiringNew().run(() -> articles.findById(articleId).commentsOpen = false);
        Readers.from("198.51.100.11").contentType(ContentType.JSON)
                .body(Map.of("name", "Veli", "text", "after closing"))
                .when().post("/api/articles/{id}/comments", articleId)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Comments are closed."));

        String expiring = "expiring-" + UUID.randomUUID();
        assertEquals(201, post(expiring, "198.51.100.12", Map.of("name", "Ali", "text", "early")));
        QuarkusTransaction.requiringNew().run(() -> {
            Article article = articles.findById(expiring);
            article.publishedAt = Instant.now().minus(15, ChronoUnit.DAYS);
            article.closeAfterDays = 14;
        });
        assertEquals(403, post(expiring, "198.51.100.13", Map.of("name", "Veli", "text", "late")));
    }

    @Test
    void premoderatedArticleHoldsEveryComment() {
        String articleId = "premod-" + UUID.randomUUID();
        assertEquals(201, post(articleId, "198.51.100.20", Map.of("name", "Ali", "text", "first")));
        QuarkusTransaction.requiringNew().run(() -> articles.findById(articleId).premoderate = true);
        Readers.from("198.51.100.21").contentType(ContentType.JSON)
                .body(Map.of("name", "Veli", "text", "held"))
                .when().post("/api/articles/{id}/comments", articleId)
                .then().statusCode(201).body("status", equalTo("PENDING"))
                .body("message", equalTo("Your comment is awaiting moderation."));
        given().when().get("/api/articles/{id}/comments", articleId).then().body("totalItems", equalTo(1));
    }
}
