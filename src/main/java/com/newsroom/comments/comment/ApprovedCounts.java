package com.newsroom.comments.comment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Each article's number of approved comments ({@code article_comment_count}), changed in the same
 * transaction as the comments themselves, so a public page's total is a sum of a few rows instead of a
 * count of the article's comments. Every writer of the count adds deltas to its own row of the article
 * (its shard), in article order, so writers never wait for each other on a busy article and two
 * transactions never lock the same rows in opposite orders.
 */
@ApplicationScoped
public class ApprovedCounts {

    /** The shard of changes made by moderators (and anything but the comment writer threads). */
    public static final int MODERATION_SHARD = 0;

    /**
     * Adds deltas to a shard's rows, creating the missing ones. Parameters: the shard (int), the article
     * ids (text[], in article order) and their deltas (bigint[]). The comment write path runs it inside
     * its batch's one write statement.
     */
    public static final String ADD = """
            insert into article_comment_count (article_id, shard, approved)
            select article_id, ?, delta from unnest(?::text[], ?::bigint[]) as d(article_id, delta)
            on conflict (article_id, shard) do update set approved = article_comment_count.approved + excluded.approved""";

    /** Deltas per article, kept in article order. */
    public static final class Deltas {
        private final SortedMap<String, Long> byArticle = new TreeMap<>();

        /** The comment went from {@code wasApproved} to {@code isApproved}. */
        public void change(String articleId, boolean wasApproved, boolean isApproved) {
            if (wasApproved != isApproved) {
                byArticle.merge(articleId, isApproved ? 1L : -1L, Long::sum);
            }
        }

        /** Non-zero and zero deltas alike, in article order. */
        public SortedMap<String, Long> byArticle() {
            return Collections.unmodifiableSortedMap(byArticle);
        }

        public boolean isEmpty() {
            return byArticle.values().stream().allMatch(d -> d == 0);
        }
    }

    /** Applies the deltas in the Hibernate session's transaction (the moderators' side). */
    public void apply(EntityManager em, Deltas deltas) {
        if (!deltas.isEmpty()) {
            em.unwrap(Session.class).doWork(db -> apply(db, MODERATION_SHARD, deltas));
        }
    }

    /** Applies the deltas on {@code db}, in its transaction, as one statement ({@link #ADD}). */
    private static void apply(Connection db, int shard, Deltas deltas) throws SQLException {
        try (PreparedStatement add = db.prepareStatement(ADD)) {
            add.setInt(1, shard);
            add.setArray(2, db.createArrayOf("text", deltas.byArticle.keySet().toArray(String[]::new)));
            add.setArray(3, db.createArrayOf("int8", deltas.byArticle.values().toArray(Long[]::new)));
            add.executeUpdate();
        }
    }
}
