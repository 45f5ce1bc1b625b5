package com.newsroom.comments.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batch SQL of dev mode's H2, which the Quarkus tests (on PostgreSQL) never run: an in-memory H2 in
 * the dev profile's compatibility mode, with the shared Flyway migrations.
 */
class PortableBatchSqlTest {

    private final PortableBatchSql sql = new PortableBatchSql(new ApprovedCounts("h2"));
    private Connection migrator;
    private Connection db;

    @BeforeEach
    void migrate() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        // Flyway's session stays open until the end: in an in-memory database H2 2.4.240 evaluates a CHECK
        // constraint with the session that created it, and fails once that one is closed (H2 issues
        // #4291, #4308). Dev mode's file database did not show it (checked by hand after the pool had
        // replaced its connections).
        migrator = DriverManager.getConnection(url, "sa", "");
        Flyway.configure().dataSource(keepingOpen(migrator)).locations("classpath:db/migration").load().migrate();
        db = DriverManager.getConnection(url, "sa", "");
        db.setAutoCommit(false);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
        migrator.close();
    }

    /** A data source that always hands out {@code connection}, and ignores close(). */
    private static DataSource keepingOpen(Connection connection) {
        Connection unclosable = proxy(Connection.class, (method, args) -> "close".equals(method.getName()) ? null
                : method.invoke(connection, args));
        return proxy(DataSource.class, (method, args) -> method.getName().equals("getConnection") ? unclosable
                : method.getReturnType() == int.class ? 0 : null);
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
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
        BatchSql.Reads reads = sql.read(db, keys(Set.of("h2-a", "h2-b"), Set.of("k1"), Map.of("ip:192.0.2.9", now), now));

        assertEquals(Set.of("h2-a", "h2-b"), reads.articles().keySet());
        assertTrue(reads.articles().get("h2-a").acceptsCommentsAt(now), "a new article is open");
        assertEquals(Set.of(), reads.storedDedupKeys());
        assertEquals(Map.of("ip:192.0.2.9", Instant.EPOCH), reads.throttle().last(), "a new author never posted");
    }

    @Test
    void writesCommentsReasonsTimesAndCountsThatTheNextReadSees() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        BatchSql.Reads reads = sql.read(db, keys(Set.of("h2-a"), Set.of("k1", "k2"), Map.of("ip:192.0.2.9", now), now));
        ModerationReason held = new ModerationReason(3L, "TERMS", "text", "Erdoğan", 0, 7, "HOLD", "Matched a held term");
        ApprovedCounts.Deltas approved = new ApprovedCounts.Deltas();
        approved.change("h2-a", false, true);
        sql.write(db, new BatchSql.Writes(
                List.of(comment(1, "h2-a", "k1", now, List.of()), comment(2, "h2-a", "k2", now, List.of(held))),
                SubmissionThrottle.changes(Map.of("ip:192.0.2.9", now), reads.throttle()), 1, approved));
        db.commit();

        BatchSql.Reads next = sql.read(db, keys(Set.of("h2-a"), Set.of("k1", "k3"), Map.of("ip:192.0.2.9", now), now));
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
                ResultSet rs = s.executeQuery("select sum(approved) from article_comment_count where article_id = 'h2-a'")) {
            rs.next();
            assertEquals(1, rs.getLong(1));
        }
    }
}
