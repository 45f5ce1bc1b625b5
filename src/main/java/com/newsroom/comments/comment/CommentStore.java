package com.newsroom.comments.comment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.newsroom.comments.article.Article;
import com.newsroom.comments.moderation.ModerationOutcome;
import com.newsroom.comments.moderation.ModerationService;
import com.newsroom.comments.problem.ApiException;

/**
 * Stores a batch of drafts in the caller's transaction, with one statement per check for the whole
 * batch (articles, duplicates, trusted authors, flood control) and one JDBC batch per table, instead
 * of several round trips per comment. Each draft ends stored or refused (403 closed, 409 duplicate,
 * 429 flood) in submission order, exactly as if the drafts had come one by one; a refused draft writes
 * nothing. Plain JDBC on the transaction's connection: this is the hot write path, and Hibernate's
 * per-entity work (persistence context, dirty checking, query translation) was most of its CPU.
 */
@ApplicationScoped
class CommentStore {

    /** One draft's outcome: the stored comment, or why it was refused. */
    record Result(Comment comment, ApiException refusal) {
    }

    private final DataSource dataSource;
    private final PublicPagesChannel channel;
    private final CommentIds ids = new CommentIds();
    private final ApprovedCounts approvedCounts;
    private final boolean postgres;

    CommentStore(DataSource dataSource, PublicPagesChannel channel, ApprovedCounts approvedCounts,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.approvedCounts = approvedCounts;
        this.postgres = Sql.isPostgres(dbKind);
    }

    /** @param shard this writer's row of each article's approved count ({@link ApprovedCounts}) */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Result> store(List<CommentDraft> drafts, int shard) throws SQLException {
        // Inside the JTA transaction the pool hands out the transaction's own connection.
        try (Connection db = dataSource.getConnection()) {
            return store(db, drafts, shard);
        }
    }

    private List<Result> store(Connection db, List<CommentDraft> drafts, int shard) throws SQLException {
        Map<String, Article> articles = findOrCreateArticles(db, collect(drafts, CommentDraft::articleId),
                drafts.get(0).submittedAt());
        Set<String> stored = existingDedupKeys(db, collect(drafts, CommentDraft::dedupKey));
        Set<String> trusted = trustedAuthors(db, drafts);

        // Closed articles and duplicates first: a refused comment must not take its author's flood slot.
        Result[] results = new Result[drafts.size()];
        TreeMap<String, Instant> throttleKeys = new TreeMap<>(); // each key's first use in the batch
        for (int i = 0; i < drafts.size(); i++) {
            CommentDraft draft = drafts.get(i);
            if (!articles.get(draft.articleId()).acceptsCommentsAt(draft.submittedAt())) {
                results[i] = new Result(null, ApiException.forbidden("comments-closed", CommentService.CLOSED));
            } else if (draft.dedupKey() != null && !stored.add(draft.dedupKey())) {
                results[i] = new Result(null, ApiException.duplicate(CommentService.DUPLICATE));
            } else if (isFloodControlled(draft)) {
                draft.throttleKeys().forEach(key -> throttleKeys.putIfAbsent(key, draft.submittedAt()));
            }
        }

        SubmissionThrottle.Locked locked = throttleKeys.isEmpty() ? SubmissionThrottle.Locked.NONE
                : SubmissionThrottle.lock(db, throttleKeys, postgres);
        FloodGate gate = new FloodGate(locked.last());
        List<Comment> accepted = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            if (results[i] != null) {
                continue;
            }
            CommentDraft draft = drafts.get(i);
            Optional<Duration> wait = isFloodControlled(draft)
                    ? gate.admit(draft.throttleKeys(), draft.submittedAt(), draft.floodInterval())
                    : Optional.empty();
            if (wait.isPresent()) {
                results[i] = new Result(null, ApiException.tooManyRequests(CommentService.TOO_FAST, wait.get()));
                continue;
            }
            boolean trustedAuthor = draft.submission().email() != null && trusted.contains(draft.submission().email());
            ModerationOutcome outcome = ModerationService.decide(draft.firstComment(), draft.engineReasons(),
                    articles.get(draft.articleId()), trustedAuthor);
            Comment comment = newComment(draft, outcome);
            comment.id = ids.next(db);
            accepted.add(comment);
            results[i] = new Result(comment, null);
        }
        SubmissionThrottle.record(db, gate.admitted(), locked, postgres);
        insert(db, accepted);
        ApprovedCounts.Deltas approved = new ApprovedCounts.Deltas();
        // One NOTIFY statement for the batch, delivered to the other instances only if it commits.
        Set<String> published = new TreeSet<>();
        for (Comment comment : accepted) {
            if (comment.status == CommentStatus.APPROVED) {
                approved.change(comment.articleId, false, true);
                published.add(comment.articleId);
            }
        }
        approvedCounts.apply(db, shard, approved);
        channel.announce(db, published);
        return List.of(results);
    }

    private static boolean isFloodControlled(CommentDraft draft) {
        Duration interval = draft.floodInterval();
        return !interval.isZero() && !interval.isNegative() && !draft.throttleKeys().isEmpty();
    }

    /**
     * The articles' settings, creating the articles that have no record yet. The insert ignores a
     * concurrent creator (ON CONFLICT DO NOTHING), in sorted order, so two first comments never fail.
     */
    private static Map<String, Article> findOrCreateArticles(Connection db, SortedSet<String> articleIds, Instant now)
            throws SQLException {
        Map<String, Article> found = findArticles(db, articleIds);
        if (found.size() == articleIds.size()) {
            return found;
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
        return found;
    }

    private static Map<String, Article> findArticles(Connection db, Collection<String> articleIds) throws SQLException {
        Map<String, Article> byId = new HashMap<>(articleIds.size() * 2);
        try (PreparedStatement select = db.prepareStatement("""
                select id, comments_open, closes_at, close_after_days, premoderate, published_at, created_at
                from article where id in (""" + Sql.placeholders(articleIds.size()) + ")")) {
            Sql.bind(select, 1, articleIds);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Article article = new Article(); // settings only: not managed, never saved from here
                    article.id = rs.getString(1);
                    article.commentsOpen = rs.getBoolean(2);
                    article.closesAt = instant(rs, 3);
                    article.closeAfterDays = rs.getObject(4, Integer.class);
                    article.premoderate = rs.getBoolean(5);
                    article.publishedAt = instant(rs, 6);
                    article.createdAt = instant(rs, 7);
                    byId.put(article.id, article);
                }
            }
        }
        return byId;
    }

    private static Set<String> existingDedupKeys(Connection db, SortedSet<String> keys) throws SQLException {
        return keys.isEmpty() ? new HashSet<>()
                : strings(db, "select dedup_key from comment where dedup_key in (" + Sql.placeholders(keys.size()) + ")", keys);
    }

    /** Authors with a comment approved by a moderator: the first-comment rule lets them through. */
    private static Set<String> trustedAuthors(Connection db, List<CommentDraft> drafts) throws SQLException {
        TreeSet<String> emails = new TreeSet<>();
        for (CommentDraft draft : drafts) {
            if (draft.firstComment() != null && draft.submission().email() != null) {
                emails.add(draft.submission().email());
            }
        }
        return emails.isEmpty() ? Set.of() : strings(db, "select distinct email from comment where email in ("
                + Sql.placeholders(emails.size()) + ") and status = 'APPROVED' and moderated_by is not null", emails);
    }

    private static Set<String> strings(Connection db, String sql, SortedSet<String> parameters) throws SQLException {
        Set<String> values = new HashSet<>();
        try (PreparedStatement select = db.prepareStatement(sql)) {
            Sql.bind(select, 1, parameters);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    /** One JDBC batch for the comments and one for their reasons: a round trip each. */
    private static void insert(Connection db, List<Comment> comments) throws SQLException {
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

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Comment newComment(CommentDraft draft, ModerationOutcome outcome) {
        CommentSubmission submission = draft.submission();
        Comment comment = new Comment();
        comment.articleId = draft.articleId();
        comment.parentId = submission.parentId();
        comment.name = submission.name();
        comment.email = submission.email();
        comment.website = submission.website();
        comment.text = submission.text();
        comment.status = outcome.status();
        comment.reasons.addAll(outcome.reasons());
        comment.ipAddress = draft.ipAddress();
        comment.userAgent = draft.userAgent();
        comment.dedupKey = draft.dedupKey();
        comment.createdAt = draft.submittedAt();
        comment.updatedAt = draft.submittedAt();
        return comment;
    }

    private static TreeSet<String> collect(List<CommentDraft> drafts, Function<CommentDraft, String> field) {
        TreeSet<String> values = new TreeSet<>();
        for (CommentDraft draft : drafts) {
            String value = field.apply(draft);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
