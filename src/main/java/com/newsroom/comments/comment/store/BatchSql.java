package com.newsroom.comments.comment.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.newsroom.comments.article.Article;
import com.newsroom.comments.article.ArticleRepository;
import com.newsroom.comments.comment.ApprovedCounts;
import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.comment.CommentRepository;
import com.newsroom.comments.comment.ModerationReason;
import com.newsroom.comments.event.Outbox;

/**
 * The SQL of one comment batch ({@link CommentStore}) in two round trips, whatever the batch's size:
 * everything the batch's decisions need, read before them as one pipeline of statements (the driver
 * sends a multi-statement string in one message and one sync), and everything they produce, written
 * after as one data-modifying {@code WITH} statement. Values travel as arrays ({@code = any(?)},
 * {@code unnest}), so each half has a single statement shape, prepared once per connection.
 */
final class BatchSql {

    /** What the batch reads, all of it keyed in sorted order (rows locked in one order never deadlock). */
    record Keys(SortedSet<String> articleIds, SortedSet<String> dedupKeys, SortedSet<String> trustedCandidates,
            SortedMap<String, Instant> throttleFirstUse, Instant now) {
    }

    /**
     * @param articles the articles' settings, the defaults for articles that have no record yet (created
     *        with their first stored comment, by the write)
     * @param storedDedupKeys the dedup keys already taken
     * @param trusted the candidates with a comment a moderator approved
     * @param throttle the author keys' rows, locked until the transaction ends
     * @param eventsWanted whether an enabled webhook subscribes to {@code comment.created} ({@link Outbox#CREATED_WANTED})
     */
    record Reads(Map<String, Article> articles, Set<String> storedDedupKeys, Set<String> trusted,
            SubmissionThrottle.Locked throttle, boolean eventsWanted) {
    }

    /**
     * @param comments the comments to insert, with their ids and reasons
     * @param throttleChanges new flood-control times of locked rows ({@link SubmissionThrottle#changes})
     * @param shard the writer's row of each article's approved count ({@link ApprovedCounts})
     * @param approved the deltas of the approved counts
     * @param events whether to write the comments' {@code comment.created} events ({@link Reads#eventsWanted})
     */
    record Writes(List<Comment> comments, Map<String, Instant> throttleChanges, int shard,
            ApprovedCounts.Deltas approved, boolean events) {
    }

    /**
     * One column of a table the batch inserts into: its name, its SQL type, and its value in a row, sent in
     * a typed array (the driver sends numbers in binary; timestamps travel as ISO text).
     */
    private record Column<T>(String name, String type, Function<T, Object> value, IntFunction<Object[]> newArray) {

        static <T> Column<T> int8(String name, Function<T, Object> value) {
            return new Column<>(name, "int8", value, Long[]::new);
        }

        static <T> Column<T> int4(String name, Function<T, Object> value) {
            return new Column<>(name, "int4", value, Integer[]::new);
        }

        static <T> Column<T> text(String name, Function<T, Object> value) {
            return new Column<>(name, "text", value, String[]::new);
        }

        static <T> Column<T> timestamp(String name, Function<T, Instant> value) {
            return new Column<>(name, "timestamptz", row -> {
                Instant at = value.apply(row);
                return at == null ? null : at.toString();
            }, String[]::new);
        }

        /** A comment's column, read from the comment of an import row. */
        static Column<ImportRow> ofImport(Column<Comment> column) {
            return new Column<>(column.name(), column.type(), row -> column.value().apply(row.comment()), column.newArray());
        }

        String jdbcType() {
            return type.equals("timestamptz") ? "text" : type;
        }
    }

    /** Every column a new comment is inserted with; {@code updated_at} equals {@code created_at}, {@code version} is 0. */
    private static final List<Column<Comment>> COMMENT = List.of(
            Column.int8("id", c -> c.id),
            Column.text("article_id", c -> c.articleId),
            Column.int8("parent_id", c -> c.parentId),
            Column.text("name", c -> c.name),
            Column.text("email", c -> c.email),
            Column.text("website", c -> c.website),
            Column.text("text", c -> c.text),
            Column.text("status", c -> c.status.name()),
            Column.text("ip_address", c -> c.ipAddress),
            Column.text("user_agent", c -> c.userAgent),
            Column.text("dedup_key", c -> c.dedupKey),
            Column.timestamp("created_at", c -> c.createdAt));

    /**
     * Every column an imported or restored comment is inserted with: the new comment's, and what only a
     * restore or an import sets (the last change, the moderator's decision, the version, the source).
     */
    private static final List<Column<ImportRow>> IMPORTED = Stream.concat(COMMENT.stream().map(Column::ofImport),
            Stream.of(
                    Column.<ImportRow>timestamp("updated_at", r -> r.comment().updatedAt),
                    Column.<ImportRow>text("moderated_by", r -> r.comment().moderatedBy),
                    Column.<ImportRow>timestamp("moderated_at", r -> r.comment().moderatedAt),
                    Column.<ImportRow>int8("version", r -> r.comment().version),
                    Column.<ImportRow>text("import_source", ImportRow::importSource),
                    Column.<ImportRow>text("import_id", ImportRow::importId)))
            .toList();

    /** One reason of one comment: a row of {@code comment_reason}. */
    private record ReasonRow(long commentId, int position, ModerationReason reason) {
    }

    private static final List<Column<ReasonRow>> REASON = List.of(
            Column.int8("comment_id", r -> r.commentId()),
            Column.int4("position", r -> r.position()),
            Column.int8("rule_id", r -> r.reason().ruleId),
            Column.text("rule_type", r -> r.reason().ruleType),
            Column.text("field", r -> r.reason().field),
            Column.text("match_text", r -> r.reason().match),
            Column.int4("start_offset", r -> r.reason().start),
            Column.int4("end_offset", r -> r.reason().end),
            Column.text("action", r -> r.reason().action),
            Column.text("detail", r -> r.reason().detail));

    /**
     * The webhooks' lock, shared; the articles' settings; the taken dedup keys; the trusted authors; then the
     * author keys' rows, created with their first use where missing (the insert returns which) and all locked
     * in key order; last, whether the comments' events are wanted (after the lock: see {@link
     * Outbox#SUBSCRIPTIONS_LOCK}). Missing articles are not created here: a batch whose comments are all
     * refused leaves none behind.
     * Locks: the webhooks' lock first (a webhook's change takes no lock a batch holds); author keys here, in
     * sorted order; articles only in the write, in sorted order, after a batch holds every author key it
     * needs: two batches never wait for each other in a cycle.
     */
    private static final String READ = String.join(";\n",
            Outbox.LOCK_SHARED,
            ArticleRepository.SELECT_SETTINGS,
            "select dedup_key from comment where dedup_key = any(?)",
            CommentRepository.TRUSTED_AUTHORS,
            """
                    insert into submission_throttle (throttle_key, last_submitted_at)
                    select k, t from unnest(?::text[], ?::timestamptz[]) as u(k, t) order by k
                    on conflict do nothing returning throttle_key""",
            """
                    select throttle_key, last_submitted_at from submission_throttle where throttle_key = any(?)
                    order by throttle_key for update""",
            Outbox.CREATED_WANTED);

    /**
     * The records of articles commented for the first time, comments, their reasons, their
     * {@code comment.created} events (the outbox, {@link Outbox}), flood-control times and approved counts.
     * The foreign keys (comments and counts to articles, reasons to comments) are checked at the end of the
     * statement, when every row is in. Every sub-statement runs even though the main query reads none of
     * them; the events are built from the rows the inserts return, with one parameter: whether to write them.
     */
    private static final String WRITE = "with new_article as (\n" + ArticleRepository.INSERT_COMMENTED
            + "\n), new_comment as (\n" + insert("comment", COMMENT, ", updated_at, version", ", created_at, 0")
            + "\nreturning " + Outbox.COMMENT_COLUMNS
            + "\n), new_reason as (\n" + insert("comment_reason", REASON, "", "")
            + "\nreturning " + Outbox.REASON_COLUMNS
            + "\n), new_event as (\n" + Outbox.insertCreated("new_comment", "new_reason")
            + """

                    ), throttle as (
                        insert into submission_throttle (throttle_key, last_submitted_at)
                        select * from unnest(?::text[], ?::timestamptz[])
                        on conflict (throttle_key) do update set last_submitted_at = excluded.last_submitted_at
                    ), approved as (
                    """
            + ApprovedCounts.ADD + "\n)\nselect 1";

    /** Imported or restored comments and their reasons, in one statement ({@link CommentImports}). */
    static final String IMPORT = "with new_comment as (\n" + insert("comment", IMPORTED, "", "")
            + "\n), new_reason as (\n" + insert("comment_reason", REASON, "", "") + "\n)\nselect 1";

    /** {@code insert into <table> (<columns><more>) select <columns><values> from unnest(<one array per column>) as r(<columns>)} */
    private static <T> String insert(String table, List<Column<T>> columns, String moreColumns, String moreValues) {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String arrays = columns.stream().map(c -> "?::" + c.type() + "[]").collect(Collectors.joining(", "));
        return "insert into " + table + " (" + names + moreColumns + ")\nselect " + names + moreValues
                + " from unnest(" + arrays + ") as r(" + names + ")";
    }

    Reads read(Connection db, Keys keys) throws SQLException {
        Map<String, Article> articles;
        Set<String> stored;
        Set<String> trusted;
        Set<String> created;
        Map<String, Instant> rows = new HashMap<>(keys.throttleFirstUse().size() * 2);
        boolean eventsWanted;
        try (PreparedStatement read = db.prepareStatement(READ)) {
            // The author keys fill two places: one array (the driver writes every array out as
            // escaped text, its largest cost in a batch).
            Array articleIds = texts(db, keys.articleIds());
            Array throttleKeys = texts(db, keys.throttleFirstUse().keySet());
            read.setArray(1, articleIds);
            read.setArray(2, texts(db, keys.dedupKeys()));
            read.setArray(3, texts(db, keys.trustedCandidates()));
            read.setArray(4, throttleKeys);
            read.setArray(5, texts(db, keys.throttleFirstUse().values().stream().map(Instant::toString).toList()));
            read.setArray(6, throttleKeys);
            read.execute(); // a result set per statement, the lock's first
            try (ResultSet rs = next(read)) {
                articles = ArticleRepository.settings(rs);
            }
            for (String articleId : keys.articleIds()) {
                articles.computeIfAbsent(articleId, id -> ArticleRepository.unrecorded(id, keys.now()));
            }
            try (ResultSet rs = next(read)) {
                stored = Sql.strings(rs);
            }
            try (ResultSet rs = next(read)) {
                trusted = Sql.strings(rs);
            }
            try (ResultSet rs = next(read)) {
                created = Sql.strings(rs);
            }
            try (ResultSet rs = next(read)) {
                while (rs.next()) {
                    rows.put(rs.getString(1), Sql.instant(rs, 2));
                }
            }
            try (ResultSet rs = next(read)) {
                eventsWanted = rs.next() && rs.getBoolean(1);
            }
        }
        SubmissionThrottle.Locked throttle = rows.isEmpty() ? SubmissionThrottle.Locked.NONE
                : SubmissionThrottle.Locked.of(created, rows);
        return new Reads(articles, stored, trusted, throttle, eventsWanted);
    }

    /** The pipeline's next result set. */
    private static ResultSet next(PreparedStatement read) throws SQLException {
        if (!read.getMoreResults()) {
            throw new SQLException("The batch read returned fewer results than it has statements");
        }
        return read.getResultSet();
    }

    void write(Connection db, Writes writes) throws SQLException {
        List<Comment> comments = writes.comments();
        if (comments.isEmpty() && writes.throttleChanges().isEmpty()) {
            return; // every comment refused, and no flood-control time to put back
        }
        List<ReasonRow> reasons = new ArrayList<>();
        for (Comment comment : comments) {
            for (int position = 0; position < comment.reasons.size(); position++) {
                reasons.add(new ReasonRow(comment.id, position, comment.reasons.get(position)));
            }
        }
        // Each commented article with its first comment's time (a record is only created where missing).
        SortedMap<String, Instant> articles = new TreeMap<>();
        for (Comment comment : comments) {
            articles.merge(comment.articleId, comment.createdAt, (a, b) -> a.isBefore(b) ? a : b);
        }
        try (PreparedStatement write = db.prepareStatement(WRITE)) {
            // In the order of WRITE's placeholders.
            int p = 1;
            write.setArray(p++, texts(db, articles.keySet()));
            write.setArray(p++, texts(db, articles.values().stream().map(Instant::toString).toList()));
            for (Column<Comment> column : COMMENT) {
                write.setArray(p++, array(db, column, comments));
            }
            for (Column<ReasonRow> column : REASON) {
                write.setArray(p++, array(db, column, reasons));
            }
            write.setBoolean(p++, writes.events());
            Map<String, Instant> throttle = writes.throttleChanges();
            write.setArray(p++, texts(db, throttle.keySet()));
            write.setArray(p++, texts(db, throttle.values().stream().map(Instant::toString).toList()));
            write.setInt(p++, writes.shard());
            SortedMap<String, Long> approved = writes.approved().byArticle();
            write.setArray(p++, texts(db, approved.keySet()));
            write.setArray(p, db.createArrayOf("int8", approved.values().toArray(Long[]::new)));
            write.execute();
        }
    }

    /** Inserts imported or restored comments ({@link #IMPORT}) with their ids, parents and reasons as set. */
    void insertImported(Connection db, List<ImportRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<ReasonRow> reasons = new ArrayList<>();
        for (ImportRow row : rows) {
            Comment comment = row.comment();
            for (int position = 0; position < comment.reasons.size(); position++) {
                reasons.add(new ReasonRow(comment.id, position, comment.reasons.get(position)));
            }
        }
        try (PreparedStatement insert = db.prepareStatement(IMPORT)) {
            int p = 1;
            for (Column<ImportRow> column : IMPORTED) {
                insert.setArray(p++, array(db, column, rows));
            }
            for (Column<ReasonRow> column : REASON) {
                insert.setArray(p++, array(db, column, reasons));
            }
            insert.execute();
        }
    }

    /** One column of {@code rows} as an SQL array (timestamps travel as ISO text). */
    private static <T> Array array(Connection db, Column<T> column, List<T> rows) throws SQLException {
        Object[] values = column.newArray().apply(rows.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = column.value().apply(rows.get(i));
        }
        return db.createArrayOf(column.jdbcType(), values);
    }

    private static Array texts(Connection db, Collection<String> values) throws SQLException {
        return db.createArrayOf("text", values.toArray(String[]::new));
    }
}
