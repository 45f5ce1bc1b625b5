package com.newsroom.comments.comment;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

import com.newsroom.comments.article.Article;

/**
 * The SQL of one comment batch ({@link CommentStore}): everything the batch's decisions need, read
 * before them, and everything they produce, written after. {@link PostgresBatchSql} sends each half as
 * one round trip.
 */
interface BatchSql {

    /** The settings a batch decides by; {@link #articles} reads them. */
    String ARTICLE_COLUMNS = "id, comments_open, closes_at, close_after_days, premoderate, published_at, created_at";

    /** What the batch reads, all of it keyed in sorted order (rows locked in one order never deadlock). */
    record Keys(SortedSet<String> articleIds, SortedSet<String> dedupKeys, SortedSet<String> trustedCandidates,
            SortedMap<String, Instant> throttleFirstUse, Instant now) {
    }

    /**
     * @param articles the articles' settings, created for articles that had no record yet
     * @param storedDedupKeys the dedup keys already taken
     * @param trusted the candidates with a comment a moderator approved
     * @param throttle the author keys' rows, locked until the transaction ends
     */
    record Reads(Map<String, Article> articles, Set<String> storedDedupKeys, Set<String> trusted,
            SubmissionThrottle.Locked throttle) {
    }

    /**
     * @param comments the comments to insert, with their ids and reasons
     * @param throttleChanges new flood-control times of locked rows ({@link SubmissionThrottle#changes})
     * @param shard the writer's row of each article's approved count ({@link ApprovedCounts})
     * @param approved the deltas of the approved counts
     */
    record Writes(List<Comment> comments, Map<String, Instant> throttleChanges, int shard,
            ApprovedCounts.Deltas approved) {
    }

    Reads read(Connection db, Keys keys) throws SQLException;

    void write(Connection db, Writes writes) throws SQLException;

    /** Articles' settings from rows of {@link #ARTICLE_COLUMNS}: not managed, never saved from here. */
    static Map<String, Article> articles(ResultSet rs) throws SQLException {
        Map<String, Article> byId = new HashMap<>();
        while (rs.next()) {
            Article article = new Article();
            article.id = rs.getString(1);
            article.commentsOpen = rs.getBoolean(2);
            article.closesAt = Sql.instant(rs, 3);
            article.closeAfterDays = rs.getObject(4, Integer.class);
            article.premoderate = rs.getBoolean(5);
            article.publishedAt = Sql.instant(rs, 6);
            article.createdAt = Sql.instant(rs, 7);
            byId.put(article.id, article);
        }
        return byId;
    }
}
