package com.newsroom.comments.comment;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * Comments through Hibernate (everything but the insert of new comments, which the write path does in
 * batches), and the home of the SQL on comments that others run inside their own JDBC statements.
 */
@ApplicationScoped
public class CommentRepository implements PanacheRepository<Comment> {

    /**
     * The e-mail addresses, of those in the array parameter (lower-cased), that a moderator approved a
     * comment of: authors the first-comment rule lets through.
     */
    public static final String TRUSTED_AUTHORS = "select distinct email from comment where email = any(?)"
            + " and status = 'APPROVED' and moderated_by is not null";

    /**
     * Stored comments per rule that fired for them, with the newest one's time: every instance's hits
     * since the comments were stored (spam purged after 30 days no longer counts). A scan of the reasons,
     * for moderators' screens only: the write path gets no index to keep.
     */
    static final String RULE_HITS = "select r.rule_id, count(*), max(c.created_at) from comment_reason r"
            + " join comment c on c.id = r.comment_id where r.rule_id is not null group by r.rule_id";

    /** Comments per article (of the array parameter) and status, read from the article/status index. */
    static final String STATUS_COUNTS = "select article_id, status, count(*) from comment where article_id = any(?)"
            + " group by article_id, status";

    /** How often a rule fired on stored comments, and when last. */
    public record RuleHits(long hits, Instant lastHitAt) {
    }

    /** {@link #RULE_HITS} by rule id. */
    public Map<Long, RuleHits> ruleHits() {
        Map<Long, RuleHits> byRule = new HashMap<>();
        getEntityManager().unwrap(Session.class).doWork(db -> {
            try (PreparedStatement select = db.prepareStatement(RULE_HITS); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime last = rs.getObject(3, OffsetDateTime.class);
                    byRule.put(rs.getLong(1), new RuleHits(rs.getLong(2), last == null ? null : last.toInstant()));
                }
            }
        });
        return byRule;
    }

    /** {@link #STATUS_COUNTS}: each article's comments by status; statuses without comments are absent. */
    public Map<String, Map<CommentStatus, Long>> statusCounts(Collection<String> articleIds) {
        Map<String, Map<CommentStatus, Long>> byArticle = new HashMap<>();
        if (articleIds.isEmpty()) {
            return byArticle;
        }
        getEntityManager().unwrap(Session.class).doWork(db -> {
            try (PreparedStatement select = db.prepareStatement(STATUS_COUNTS)) {
                select.setArray(1, db.createArrayOf("text", List.copyOf(articleIds).toArray(String[]::new)));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        byArticle.computeIfAbsent(rs.getString(1), id -> new HashMap<>())
                                .put(CommentStatus.valueOf(rs.getString(2)), rs.getLong(3));
                    }
                }
            }
        });
        return byArticle;
    }

    public Comment findApproved(String articleId, long id) {
        return find("id = ?1 and articleId = ?2 and status = ?3", id, articleId, CommentStatus.APPROVED)
                .firstResult();
    }

    /** Whether a moderator has approved a comment by this (lower-cased) e-mail address ({@link #TRUSTED_AUTHORS}). */
    public boolean isTrusted(String email) {
        if (email == null) {
            return false;
        }
        AtomicBoolean trusted = new AtomicBoolean();
        getEntityManager().unwrap(Session.class).doWork(db -> {
            try (PreparedStatement select = db.prepareStatement(TRUSTED_AUTHORS)) {
                select.setArray(1, db.createArrayOf("text", new String[] { email }));
                try (ResultSet rs = select.executeQuery()) {
                    trusted.set(rs.next());
                }
            }
        });
        return trusted.get();
    }
}
