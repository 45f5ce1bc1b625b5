package com.newsroom.comments.comment;

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
import java.util.function.Function;
import java.util.function.IntFunction;

import com.newsroom.comments.article.Article;

/**
 * A batch's SQL on PostgreSQL in two round trips, whatever the batch's size: the reads go as one
 * pipeline of statements (the driver sends a multi-statement string in one message and one sync), the
 * writes as one data-modifying {@code WITH} statement. Values travel as arrays ({@code = any(?)},
 * {@code unnest}), so each half has a single statement shape, prepared once per connection, whatever
 * the batch's size. Before, a batch of nine comments made eight round trips before its commit, and the
 * writer threads spent their time waiting for them.
 */
final class PostgresBatchSql implements BatchSql {

    /**
     * The articles created where missing (a concurrent creator wins harmlessly) and read; the taken
     * dedup keys; the trusted authors; then the author keys' rows, created with their first use where
     * missing (the insert returns which) and all locked in key order. Articles before author keys, each
     * in sorted order, as every batch takes them: two batches never wait for each other in a cycle.
     */
    private static final String READ = """
            insert into article (id, comments_open, premoderate, created_at, updated_at, version)
            select id, true, false, ?::timestamptz, ?::timestamptz, 0 from unnest(?::text[]) as a(id) order by id
            on conflict do nothing;
            """
            + "select " + ARTICLE_COLUMNS + " from article where id = any(?);"
            + " select dedup_key from comment where dedup_key = any(?);"
            + " select distinct email from comment where email = any(?) and status = 'APPROVED' and moderated_by is not null;"
            + """
                     insert into submission_throttle (throttle_key, last_submitted_at)
                    select k, t from unnest(?::text[], ?::timestamptz[]) as u(k, t) order by k
                    on conflict do nothing returning throttle_key;
                    select throttle_key, last_submitted_at from submission_throttle where throttle_key = any(?)
                    order by throttle_key for update""";

    /**
     * Comments, their reasons, flood-control times and approved counts. The reasons' foreign key is
     * checked at the end of the statement, when the comments are in. Every sub-statement runs even
     * though the main query reads none of them.
     */
    private static final String WRITE = """
            with new_comment as (
                insert into comment (id, article_id, parent_id, name, email, website, text, status, ip_address,
                                     user_agent, dedup_key, created_at, updated_at, version)
                select id, article_id, parent_id, name, email, website, text, status, ip_address,
                       user_agent, dedup_key, created_at, created_at, 0
                from unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                     as c(id, article_id, parent_id, name, email, website, text, status, ip_address,
                          user_agent, dedup_key, created_at)
            ), new_reason as (
                insert into comment_reason (comment_id, position, rule_id, rule_type, field, match_text,
                                            start_offset, end_offset, action, detail)
                select * from unnest(?::bigint[], ?::int[], ?::bigint[], ?::text[], ?::text[], ?::text[],
                                     ?::int[], ?::int[], ?::text[], ?::text[])
            ), throttle as (
                insert into submission_throttle (throttle_key, last_submitted_at)
                select * from unnest(?::text[], ?::timestamptz[])
                on conflict (throttle_key) do update set last_submitted_at = excluded.last_submitted_at
            ), approved as (
                insert into article_comment_count (article_id, shard, approved)
                select article_id, ?, delta from unnest(?::text[], ?::bigint[]) as d(article_id, delta)
                on conflict (article_id, shard) do update set approved = article_comment_count.approved + excluded.approved
            )
            select 1""";

    @Override
    public Reads read(Connection db, Keys keys) throws SQLException {
        Map<String, Article> articles;
        Set<String> stored;
        Set<String> trusted;
        Set<String> created;
        Map<String, Instant> rows = new HashMap<>(keys.throttleFirstUse().size() * 2);
        try (PreparedStatement read = db.prepareStatement(READ)) {
            String now = keys.now().toString();
            // The article ids and the author keys each fill two places: one array each (the driver
            // writes every array out as escaped text, its largest cost in a batch).
            Array articleIds = texts(db, keys.articleIds());
            Array throttleKeys = texts(db, keys.throttleFirstUse().keySet());
            read.setString(1, now);
            read.setString(2, now);
            read.setArray(3, articleIds);
            read.setArray(4, articleIds);
            read.setArray(5, texts(db, keys.dedupKeys()));
            read.setArray(6, texts(db, keys.trustedCandidates()));
            read.setArray(7, throttleKeys);
            read.setArray(8, texts(db, keys.throttleFirstUse().values().stream().map(Instant::toString).toList()));
            read.setArray(9, throttleKeys);
            read.execute(); // the article insert: an update count, then a result set per statement
            try (ResultSet rs = next(read)) {
                articles = BatchSql.articles(rs);
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
        }
        SubmissionThrottle.Locked throttle = rows.isEmpty() ? SubmissionThrottle.Locked.NONE
                : SubmissionThrottle.Locked.of(created, rows);
        return new Reads(articles, stored, trusted, throttle);
    }

    /** The pipeline's next result set. */
    private static ResultSet next(PreparedStatement read) throws SQLException {
        if (!read.getMoreResults()) {
            throw new SQLException("The batch read returned fewer results than it has statements");
        }
        return read.getResultSet();
    }

    /** One reason of one comment: a row of {@code comment_reason}. */
    private record ReasonRow(long commentId, int position, ModerationReason reason) {
    }

    @Override
    public void write(Connection db, Writes writes) throws SQLException {
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
        List<Map.Entry<String, Instant>> throttle = List.copyOf(writes.throttleChanges().entrySet());
        List<Map.Entry<String, Long>> approved = List.copyOf(writes.approved().byArticle().entrySet());
        try (PreparedStatement write = db.prepareStatement(WRITE)) {
            // In the order of WRITE's placeholders.
            Array[] commentColumns = {
                    array(db, "int8", comments, c -> c.id, Long[]::new),
                    array(db, "text", comments, c -> c.articleId, String[]::new),
                    array(db, "int8", comments, c -> c.parentId, Long[]::new),
                    array(db, "text", comments, c -> c.name, String[]::new),
                    array(db, "text", comments, c -> c.email, String[]::new),
                    array(db, "text", comments, c -> c.website, String[]::new),
                    array(db, "text", comments, c -> c.text, String[]::new),
                    array(db, "text", comments, c -> c.status.name(), String[]::new),
                    array(db, "text", comments, c -> c.ipAddress, String[]::new),
                    array(db, "text", comments, c -> c.userAgent, String[]::new),
                    array(db, "text", comments, c -> c.dedupKey, String[]::new),
                    array(db, "text", comments, c -> c.createdAt.toString(), String[]::new) };
            Array[] reasonColumns = {
                    array(db, "int8", reasons, r -> r.commentId(), Long[]::new),
                    array(db, "int4", reasons, r -> r.position(), Integer[]::new),
                    array(db, "int8", reasons, r -> r.reason().ruleId, Long[]::new),
                    array(db, "text", reasons, r -> r.reason().ruleType, String[]::new),
                    array(db, "text", reasons, r -> r.reason().field, String[]::new),
                    array(db, "text", reasons, r -> r.reason().match, String[]::new),
                    array(db, "int4", reasons, r -> r.reason().start, Integer[]::new),
                    array(db, "int4", reasons, r -> r.reason().end, Integer[]::new),
                    array(db, "text", reasons, r -> r.reason().action, String[]::new),
                    array(db, "text", reasons, r -> r.reason().detail, String[]::new) };
            int p = 1;
            for (Array column : commentColumns) {
                write.setArray(p++, column);
            }
            for (Array column : reasonColumns) {
                write.setArray(p++, column);
            }
            write.setArray(p++, array(db, "text", throttle, Map.Entry::getKey, String[]::new));
            write.setArray(p++, array(db, "text", throttle, e -> e.getValue().toString(), String[]::new));
            write.setInt(p++, writes.shard());
            write.setArray(p++, array(db, "text", approved, Map.Entry::getKey, String[]::new));
            write.setArray(p, array(db, "int8", approved, Map.Entry::getValue, Long[]::new));
            write.execute();
        }
    }

    /** One column of {@code rows} as an SQL array of {@code type} (timestamps travel as ISO text). */
    private static <T, V> Array array(Connection db, String type, List<T> rows, Function<T, V> column,
            IntFunction<V[]> newArray) throws SQLException {
        V[] values = newArray.apply(rows.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return db.createArrayOf(type, values);
    }

    private static Array texts(Connection db, Collection<String> values) throws SQLException {
        return db.createArrayOf("text", values.toArray(String[]::new));
    }
}
