package com.newsroom.comments.comment.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.cfg.Configuration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.newsroom.comments.comment.ApprovedCounts;
import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.ModerationReason;

/**
 * Inserting one batch of new comments (one in five held, with a reason) in one transaction: the write
 * path's statement ({@link BatchSql#write}: one data-modifying WITH statement of arrays) against a
 * Hibernate StatelessSession with JDBC batching (an INSERT per comment and per reason, sent in JDBC
 * batches). Same comments, same PostgreSQL, a schema of its own with the service's migrations, emptied
 * before each iteration. Both sessions run with {@code synchronous_commit=off}: the flush of the commit
 * to disk is the same for both, and on a shared machine its time varies more than the difference that
 * is measured here. The score is batches per second; times {@code batch}, comments per second.
 * <p>
 * Database: BENCH_DB_URL (default jdbc:postgresql://localhost:5432/postgres), BENCH_DB_USER (postgres),
 * BENCH_DB_PASSWORD.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class WritePathBenchmark {

    static final String URL = System.getenv().getOrDefault("BENCH_DB_URL", "jdbc:postgresql://localhost:5432/postgres");
    static final String USER = System.getenv().getOrDefault("BENCH_DB_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("BENCH_DB_PASSWORD", "");
    static final String ARTICLE = "bench-article";
    static final String TEXT = "Thank you for this report. The budget's figures deserve a closer look, and the minister's "
            + "answer in parliament did not address the question of how the deficit will be financed next year. ";

    /** Comments per transaction: one (light load), nine (the mean batch under load), the most a batch takes. */
    @Param({ "1", "9", "64" })
    int batch;

    private final BatchSql sql = new BatchSql();
    private String schema;
    private Connection jdbc;
    private SessionFactory hibernate;
    private long nextId;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        schema = "write_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Flyway.configure().dataSource(URL, USER, PASSWORD).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").load().migrate();
        String session = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema
                + "&options=-c%20synchronous_commit%3Doff";
        jdbc = DriverManager.getConnection(session, USER, PASSWORD);
        jdbc.setAutoCommit(false);
        hibernate = new Configuration()
                .addAnnotatedClass(Comment.class)
                .setProperty("hibernate.connection.url", session)
                .setProperty("hibernate.connection.username", USER)
                .setProperty("hibernate.connection.password", PASSWORD)
                .setProperty("hibernate.connection.pool_size", "1")
                .setProperty("hibernate.jdbc.batch_size", "64")
                .setProperty("hibernate.order_inserts", "true")
                .setProperty("hibernate.connection.provider_disables_autocommit", "false")
                .setProperty("hibernate.schema_management.strategy", "none")
                .buildSessionFactory();
    }

    @Setup(Level.Iteration)
    public void empty() throws SQLException {
        try (Statement statement = jdbc.createStatement()) {
            statement.execute("truncate comment cascade");
            statement.execute("insert into article (id, comments_open, premoderate, created_at, updated_at, version)"
                    + " values ('" + ARTICLE + "', true, false, now(), now(), 0) on conflict do nothing");
        }
        jdbc.commit();
    }

    /** Both ways must store the same rows: every held comment with its reason. */
    @TearDown(Level.Iteration)
    public void check() throws SQLException {
        try (Statement statement = jdbc.createStatement();
                ResultSet rs = statement.executeQuery("select (select count(*) from comment where status = 'PENDING'),"
                        + " (select count(*) from comment_reason), (select count(*) from comment)")) {
            rs.next();
            if (rs.getLong(1) != rs.getLong(2) || rs.getLong(3) == 0) {
                throw new IllegalStateException(rs.getLong(3) + " comments stored, " + rs.getLong(1) + " of them held, with "
                        + rs.getLong(2) + " reasons");
            }
        }
        jdbc.commit();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        hibernate.close();
        try (Statement statement = jdbc.createStatement()) {
            statement.execute("drop schema " + schema + " cascade");
        }
        jdbc.commit();
        jdbc.close();
    }

    /** {@code batch} new comments as the write path builds them; every fifth held with one reason. */
    List<Comment> comments() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Comment> comments = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            Comment c = new Comment();
            c.id = ++nextId;
            c.articleId = ARTICLE;
            c.name = "Hamdi Fırat Büyük";
            c.email = "reader-" + nextId + "@example.com";
            c.text = TEXT + nextId;
            c.ipAddress = "10.0." + (nextId % 250) + "." + (nextId / 250 % 250);
            c.userAgent = "Mozilla/5.0 (bench)";
            c.dedupKey = UUID.randomUUID().toString();
            c.createdAt = now;
            c.updatedAt = now;
            if (nextId % 5 == 0) {
                c.status = CommentStatus.PENDING;
                c.reasons.add(new ModerationReason(1L, "TERMS", "text", "budget", 36, 42, "HOLD", "term 'budget'"));
            } else {
                c.status = CommentStatus.APPROVED;
            }
            comments.add(c);
        }
        return comments;
    }

    @Benchmark
    public void jdbcWithStatement() throws SQLException {
        sql.write(jdbc, new BatchSql.Writes(comments(), Map.of(), 1, new ApprovedCounts.Deltas()));
        jdbc.commit();
    }

    @Benchmark
    public void hibernateStatelessSession() {
        try (StatelessSession session = hibernate.openStatelessSession()) {
            Transaction tx = session.beginTransaction();
            session.setJdbcBatchSize(64);
            for (Comment comment : comments()) {
                session.insert(comment);
            }
            tx.commit();
        }
    }
}
