package com.newsroom.comments.comment.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.newsroom.comments.support.TestDatabase;
import com.newsroom.comments.comment.ApprovedCounts;
import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.ModerationReason;
import com.newsroom.comments.event.Outbox;

/**
 * The write path's batch SQL on its own, without Quarkus: against the tests' PostgreSQL, in a schema
 * of its own with the service's migrations.
 */
class BatchSqlTest {

    private final BatchSql sql = new BatchSql();
    private String schema;
    private Connection db;

    @BeforeEach
    void migrate() throws Exception {
        schema = TestDatabase.migratedSchema("batch_sql");
        db = TestDatabase.connect(schema);
        db.setAutoCommit(false);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
        TestDatabase.drop(schema);
    }

    private static BatchSql.Keys keys(Set<String> articles, Set<String> dedupKeys, Map<String, Instant> throttle, Instant now) {
        return new BatchSql.Keys(new TreeSet<>(articles), new TreeSet<>(dedupKeys), new TreeSet<>(), new TreeMap<>(throttle), now);
    }

    private static Comment comment(long id, String articleId, String dedupKey, Instant at, List<ModerationReason> reasons) {
        Comment comment = new Comment();
        comment.id = id;
        comment.articleId = articleId;
        comment.name = "Recep Tayyip Erdoğan";
        comment.text = "Metin {\"a\", b} NULL";
        comment.status = reasons.isEmpty() ? CommentStatus.APPROVED : CommentStatus.PENDING;
        comment.reasons.addAll(reasons);
        comment.ipAddress = "192.0.2.9";
        comment.dedupKey = dedupKey;
        comment.createdAt = at;
        comment.updatedAt = at;
        return comment;
    }

    @Test
    void readsCreateArticlesAndLockNewAuthorsAsNeverPosted() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        BatchSql.Reads reads = sql.read(db, keys(Set.of("pg-a", "pg-b"), Set.of("k1"), Map.of("ip:192.0.2.9", now), now));

        assertEquals(Set.of("pg-a", "pg-b"), reads.articles().keySet());
        assertTrue(reads.articles().get("pg-a").acceptsCommentsAt(now), "a new article is open");
        assertEquals(Set.of(), reads.storedDedupKeys());
        assertEquals(Map.of("ip:192.0.2.9", Instant.EPOCH), reads.throttle().last(), "a new author never posted");
    }

    @Test
    void writesCommentsReasonsTimesAndCountsThatTheNextReadSees() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        BatchSql.Reads reads = sql.read(db, keys(Set.of("pg-a"), Set.of("k1", "k2"), Map.of("ip:192.0.2.9", now), now));
        ModerationReason held = new ModerationReason(3L, "TERMS", "text", "Erdoğan", 0, 7, "HOLD", "Matched a held term");
        ApprovedCounts.Deltas approved = new ApprovedCounts.Deltas();
        approved.change("pg-a", false, true);
        sql.write(db, new BatchSql.Writes(
                List.of(comment(1, "pg-a", "k1", now, List.of()), comment(2, "pg-a", "k2", now, List.of(held))),
                SubmissionThrottle.changes(Map.of("ip:192.0.2.9", now), reads.throttle()), 1, approved, reads.eventsWanted()));
        db.commit();

        BatchSql.Reads next = sql.read(db, keys(Set.of("pg-a"), Set.of("k1", "k3"), Map.of("ip:192.0.2.9", now), now));
        assertEquals(Set.of("k1"), next.storedDedupKeys());
        assertEquals(Map.of("ip:192.0.2.9", now), next.throttle().last(), "the admitted comment's time was stored");
        List<String> rows = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select c.id, c.status, c.name, c.text, c.created_at, r.match_text, r.start_offset"
                        + " from comment c left join comment_reason r on r.comment_id = c.id order by c.id")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                        + rs.getObject(5, OffsetDateTime.class).toInstant().equals(now) + "|" + rs.getString(6) + "|" + rs.getObject(7));
            }
        }
        assertEquals(List.of("1|APPROVED|Recep Tayyip Erdoğan|Metin {\"a\", b} NULL|true|null|null",
                "2|PENDING|Recep Tayyip Erdoğan|Metin {\"a\", b} NULL|true|Erdoğan|0"), rows);
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select sum(approved) from article_comment_count where article_id = 'pg-a'")) {
            rs.next();
            assertEquals(1, rs.getLong(1));
        }
    }

    /** A webhook row as WebhookAdmin stores it. */
    private static void webhook(Connection on, long id, String events, boolean enabled) throws Exception {
        try (PreparedStatement insert = on.prepareStatement("insert into webhook (id, url, events, enabled, secret, created_at,"
                + " updated_at) values (?, 'https://example.com/hook', ?, ?, 'whsec_test', now(), now())")) {
            insert.setLong(1, id);
            insert.setString(2, events);
            insert.setBoolean(3, enabled);
            insert.executeUpdate();
        }
    }

    private long count(String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One approved comment stored as the write path does; whether the read wanted its event. */
    private boolean storeOne(long id, Instant now) throws Exception {
        BatchSql.Reads reads = sql.read(db, keys(Set.of("pg-e"), Set.of(), Map.of(), now));
        ApprovedCounts.Deltas approved = new ApprovedCounts.Deltas();
        approved.change("pg-e", false, true);
        sql.write(db, new BatchSql.Writes(List.of(comment(id, "pg-e", null, now, List.of())), Map.of(), 1, approved,
                reads.eventsWanted()));
        db.commit();
        return reads.eventsWanted();
    }

    @Test
    void writesCommentCreatedEventsOnlyWhileAnEnabledWebhookSubscribes() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        assertFalse(storeOne(21, now), "no webhook");
        webhook(db, 1, "comment.created", false);
        webhook(db, 2, "comment.held,comment.approved", true);
        db.commit();
        assertFalse(storeOne(22, now), "a disabled webhook, and one for other events");
        assertEquals(0, count("select count(*) from outbox_event"));

        webhook(db, 3, "comment.held,comment.created", true);
        db.commit();
        assertTrue(storeOne(23, now));
        assertEquals(1, count("select count(*) from outbox_event where type = 'comment.created' and ordering_key = 'comment:23'"));
        assertEquals(3, count("select count(*) from comment where id between 21 and 23"), "the comments are stored either way");
    }

    /**
     * A batch that starts while a webhook is being created waits for it, then writes its events: it cannot
     * check before the webhook commits and commit after (an event missed by a webhook already acknowledged).
     */
    @Test
    void aBatchWaitsForAWebhookBeingCreatedThenWritesItsEvents() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Connection admin = TestDatabase.connect(schema)) {
            admin.setAutoCommit(false);
            try (Statement s = admin.createStatement()) {
                s.executeQuery(Outbox.LOCK_EXCLUSIVE).close();
            }
            webhook(admin, 4, "comment.created", true);
            CompletableFuture<Boolean> batch = CompletableFuture.supplyAsync(() -> {
                try {
                    return storeOne(31, now);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            assertFalse(batch.isDone(), "the batch waits for the webhook's transaction");
            admin.commit();
            assertTrue(batch.get(10, TimeUnit.SECONDS), "then sees the webhook");
        }
        assertEquals(1, count("select count(*) from outbox_event where ordering_key = 'comment:31'"));
    }

    /** A batch holds its share of the lock until it ends: a webhook's change waits for it. */
    @Test
    void aWebhookChangeWaitsForTheBatchInProgress() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        sql.read(db, keys(Set.of("pg-e"), Set.of(), Map.of(), now));
        try (Connection admin = TestDatabase.connect(schema); Statement s = admin.createStatement()) {
            admin.setAutoCommit(false);
            String tryLock = Outbox.LOCK_EXCLUSIVE.replace("pg_advisory_xact_lock(", "pg_try_advisory_xact_lock(")
                    .replace("count(*) from ", "");
            try (ResultSet rs = s.executeQuery(tryLock)) {
                rs.next();
                assertFalse(rs.getBoolean(1), "taken while the batch is open");
            }
            db.commit();
            try (ResultSet rs = s.executeQuery(tryLock)) {
                rs.next();
                assertTrue(rs.getBoolean(1), "free once it committed");
            }
            admin.rollback();
        }
    }

    /**
     * Every column the entity maps is written by the batch (or is set only by moderators), so the
     * write path's column list and the entity cannot drift apart unnoticed.
     */
    @Test
    void everyColumnOfTheEntityIsWritten() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        sql.read(db, keys(Set.of("pg-c"), Set.of(), Map.of(), now));
        Comment parent = comment(10, "pg-c", "parent-key", now, List.of());
        Comment c = comment(11, "pg-c", "child-key", now,
                List.of(new ModerationReason(null, "LINKS", "website", "example.com", 8, 19, "HOLD", "Too many links")));
        c.parentId = 10L;
        c.email = "hamdi@example.com";
        c.website = "https://example.com/{a,b}";
        c.userAgent = "agent \"quoted\"";
        sql.write(db, new BatchSql.Writes(List.of(parent, c), Map.of(), 1, new ApprovedCounts.Deltas(), false));
        db.commit();

        Map<String, Object> expected = new java.util.TreeMap<>();
        expected.put("id", 11L);
        expected.put("article_id", "pg-c");
        expected.put("parent_id", 10L);
        expected.put("name", c.name);
        expected.put("email", c.email);
        expected.put("website", c.website);
        expected.put("text", c.text);
        expected.put("status", "PENDING");
        expected.put("ip_address", c.ipAddress);
        expected.put("user_agent", c.userAgent);
        expected.put("dedup_key", "child-key");
        expected.put("created_at", now);
        expected.put("updated_at", now);
        expected.put("version", 0L);
        expected.put("moderated_by", null);
        expected.put("moderated_at", null);
        Map<String, Object> stored = new java.util.TreeMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select * from comment where id = 11")) {
            rs.next();
            for (String column : expected.keySet()) {
                Object value = rs.getObject(column);
                stored.put(column, value instanceof java.sql.Timestamp t ? t.toInstant()
                        : value instanceof Number n && !(value instanceof Long) ? n.longValue() : value);
            }
        }
        assertEquals(expected, stored);
        assertEquals(mappedColumns(), expected.keySet(), "the entity's columns are the ones checked here");
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "select rule_id, rule_type, field, match_text, start_offset, end_offset, action, detail, position"
                        + " from comment_reason where comment_id = 11")) {
            rs.next();
            assertEquals(java.util.Arrays.asList(null, "LINKS", "website", "example.com", 8, 19, "HOLD", "Too many links", 0),
                    java.util.Arrays.asList(rs.getObject(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5),
                            rs.getObject(6), rs.getString(7), rs.getString(8), rs.getObject(9)));
        }
    }

    /** The columns of Comment's basic fields, as Hibernate maps them (the reasons are a table of their own). */
    private static Set<String> mappedColumns() {
        Set<String> columns = new TreeSet<>();
        for (java.lang.reflect.Field field : Comment.class.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(field.getModifiers())
                    || field.isAnnotationPresent(jakarta.persistence.ElementCollection.class)) {
                continue;
            }
            jakarta.persistence.Column column = field.getAnnotation(jakarta.persistence.Column.class);
            columns.add(column != null && !column.name().isEmpty() ? column.name() : field.getName());
        }
        return columns;
    }
}
