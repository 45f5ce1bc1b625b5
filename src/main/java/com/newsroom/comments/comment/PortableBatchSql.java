package com.newsroom.comments.comment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import com.newsroom.comments.article.Article;

/**
 * A batch's SQL one statement at a time, in SQL that H2 (dev mode, PostgreSQL compatibility) runs too.
 */
final class PortableBatchSql implements BatchSql {

    private final ApprovedCounts approvedCounts;

    PortableBatchSql(ApprovedCounts approvedCounts) {
        this.approvedCounts = approvedCounts;
    }

    @Override
    public Reads read(Connection db, Keys keys) throws SQLException {
        Map<String, Article> articles = findArticles(db, keys.articleIds());
        createMissingArticles(db, keys.articleIds(), keys.now(), articles);
        Set<String> stored = keys.dedupKeys().isEmpty() ? Set.of()
                : strings(db, "select dedup_key from comment where dedup_key in (" + Sql.placeholders(keys.dedupKeys().size()) + ")",
                        keys.dedupKeys());
        Set<String> trusted = keys.trustedCandidates().isEmpty() ? Set.of()
                : strings(db, "select distinct email from comment where email in (" + Sql.placeholders(keys.trustedCandidates().size())
                        + ") and status = 'APPROVED' and moderated_by is not null", keys.trustedCandidates());
        SubmissionThrottle.Locked throttle = keys.throttleFirstUse().isEmpty() ? SubmissionThrottle.Locked.NONE
                : SubmissionThrottle.lock(db, keys.throttleFirstUse());
        return new Reads(articles, stored, trusted, throttle);
    }

    /** One JDBC batch per table. No NOTIFY: the channel works on PostgreSQL only. */
    @Override
    public void write(Connection db, Writes writes) throws SQLException {
        SubmissionThrottle.update(db, writes.throttleChanges());
        insertComments(db, writes.comments());
        approvedCounts.apply(db, writes.shard(), writes.approved());
    }

    /**
     * Creates the articles of {@code articleIds} that are not in {@code found} yet and adds them to it.
     * The insert ignores a concurrent creator (ON CONFLICT DO NOTHING), in sorted order, so two first
     * comments never fail.
     */
    private static void createMissingArticles(Connection db, SortedSet<String> articleIds, Instant now, Map<String, Article> found)
            throws SQLException {
        if (found.size() == articleIds.size()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        try (PreparedStatement insert = db.prepareStatement("""
                insert into article (id, comments_open, premoderate, created_at, updated_at, version)
                values (?, true, false, ?, ?, 0) on conflict do nothing""")) {
            for (String id : articleIds) {
                if (!found.containsKey(id)) {
                    missing.add(id);
                    insert.setString(1, id);
                    insert.setObject(2, Sql.timestamp(now));
                    insert.setObject(3, Sql.timestamp(now));
                    insert.executeUpdate();
                }
            }
        }
        found.putAll(findArticles(db, missing));
    }

    private static Map<String, Article> findArticles(Connection db, Collection<String> articleIds) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("select " + ARTICLE_COLUMNS + " from article where id in ("
                + Sql.placeholders(articleIds.size()) + ")")) {
            Sql.bind(select, 1, articleIds);
            try (ResultSet rs = select.executeQuery()) {
                return BatchSql.articles(rs);
            }
        }
    }

    private static Set<String> strings(Connection db, String sql, SortedSet<String> parameters) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(sql)) {
            Sql.bind(select, 1, parameters);
            try (ResultSet rs = select.executeQuery()) {
                return Sql.strings(rs);
            }
        }
    }

    /** One JDBC batch for the comments and one for their reasons: a round trip each. */
    private static void insertComments(Connection db, List<Comment> comments) throws SQLException {
        if (comments.isEmpty()) {
            return;
        }
        boolean anyReasons = false;
        try (PreparedStatement insert = db.prepareStatement("""
                insert into comment (id, article_id, parent_id, name, email, website, text, status, ip_address,
                                     user_agent, dedup_key, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")) {
            for (Comment c : comments) {
                insert.setLong(1, c.id);
                insert.setString(2, c.articleId);
                Sql.setNullableLong(insert, 3, c.parentId);
                insert.setString(4, c.name);
                insert.setString(5, c.email);
                insert.setString(6, c.website);
                insert.setString(7, c.text);
                insert.setString(8, c.status.name());
                insert.setString(9, c.ipAddress);
                insert.setString(10, c.userAgent);
                insert.setString(11, c.dedupKey);
                insert.setObject(12, Sql.timestamp(c.createdAt));
                insert.setObject(13, Sql.timestamp(c.updatedAt));
                insert.addBatch();
                anyReasons |= !c.reasons.isEmpty();
            }
            insert.executeBatch();
        }
        if (!anyReasons) {
            return;
        }
        try (PreparedStatement insert = db.prepareStatement("""
                insert into comment_reason (comment_id, position, rule_id, rule_type, field, match_text,
                                            start_offset, end_offset, action, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Comment c : comments) {
                for (int position = 0; position < c.reasons.size(); position++) {
                    ModerationReason r = c.reasons.get(position);
                    insert.setLong(1, c.id);
                    insert.setInt(2, position);
                    Sql.setNullableLong(insert, 3, r.ruleId);
                    insert.setString(4, r.ruleType);
                    insert.setString(5, r.field);
                    insert.setString(6, r.match);
                    Sql.setNullableInt(insert, 7, r.start);
                    Sql.setNullableInt(insert, 8, r.end);
                    insert.setString(9, r.action);
                    insert.setString(10, r.detail);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
