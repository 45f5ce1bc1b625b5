package com.newsroom.comments.comment.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.newsroom.comments.comment.ApprovedCounts;
import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.CommentSubmission;
import com.newsroom.comments.moderation.ModerationOutcome;
import com.newsroom.comments.moderation.ModerationPolicy;
import com.newsroom.comments.problem.ApiException;

/**
 * Stores a batch of drafts in one transaction: one read of everything the batch's checks need
 * (articles, duplicates, trusted authors, flood control), the decisions in plain Java, one write of
 * everything they produce ({@link BatchSql}), instead of several round trips per comment. Each draft
 * ends stored or refused (403 closed, 409 duplicate, 429 flood) in submission order, exactly as if the
 * drafts had come one by one; a refused draft writes nothing. Plain JDBC, not Hibernate: see the
 * README's decision record on the write path.
 */
@ApplicationScoped
class CommentStore {

    static ApiException closed() {
        return ApiException.of(403, "comments-closed", "Forbidden", null, "comment.closed");
    }

    static ApiException duplicate() {
        return ApiException.of(409, "duplicate-comment", "Duplicate comment", null, "comment.duplicate");
    }

    static ApiException tooFast(Duration wait) {
        return ApiException.of(429, "too-many-requests", "Too many requests", wait, "comment.too_fast");
    }

    /** One draft's outcome: the stored comment, or why it was refused. */
    record Result(Comment comment, ApiException refusal) {
    }

    /**
     * The drafts' outcomes in submission order, and whether the batch wrote {@code comment.created} events
     * (only while an enabled webhook subscribes to them: {@link com.newsroom.comments.event.Outbox#CREATED_WANTED}).
     */
    record Stored(List<Result> results, boolean events) {
    }

    private final DataSource dataSource;
    private final CommentIds ids = new CommentIds();
    private final BatchSql sql = new BatchSql();

    CommentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the batch in a local transaction of its own, committed before this returns. Not a JTA
     * transaction: the batch has one connection and no entity, and Narayana's begin, enlistment and
     * two-phase bookkeeping cost a writer thread as much CPU as the batch's SQL. Call it outside any
     * JTA transaction (the pool would refuse the commit of an enlisted connection).
     *
     * @param shard this writer's row of each article's approved count ({@link ApprovedCounts})
     */
    Stored store(List<CommentDraft> drafts, int shard) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                Stored results = store(db, drafts, shard);
                db.commit();
                return results;
            } catch (SQLException | RuntimeException e) {
                rollback(db, e);
                throw e;
            }
        }
    }

    private static void rollback(Connection db, Exception cause) {
        try {
            db.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e); // a lost connection: the pool discards it, PostgreSQL ends the transaction
        }
    }

    private Stored store(Connection db, List<CommentDraft> drafts, int shard) throws SQLException {
        BatchSql.Reads reads = sql.read(db, keys(drafts));

        // Closed articles and duplicates first: a refused comment must not take its author's flood slot.
        Result[] results = new Result[drafts.size()];
        Set<String> dedupKeys = new HashSet<>(reads.storedDedupKeys());
        for (int i = 0; i < drafts.size(); i++) {
            CommentDraft draft = drafts.get(i);
            if (!reads.articles().get(draft.articleId()).acceptsCommentsAt(draft.submittedAt())) {
                results[i] = new Result(null, closed());
            } else if (draft.dedupKey() != null && !dedupKeys.add(draft.dedupKey())) {
                results[i] = new Result(null, duplicate());
            }
        }

        FloodGate gate = new FloodGate(reads.throttle().last());
        List<Comment> accepted = new ArrayList<>(drafts.size());
        ApprovedCounts.Deltas approved = new ApprovedCounts.Deltas();
        for (int i = 0; i < drafts.size(); i++) {
            if (results[i] != null) {
                continue;
            }
            CommentDraft draft = drafts.get(i);
            Optional<Duration> wait = isFloodControlled(draft)
                    ? gate.admit(draft.throttleKeys(), draft.submittedAt(), draft.floodInterval())
                    : Optional.empty();
            if (wait.isPresent()) {
                results[i] = new Result(null, tooFast(wait.get()));
                continue;
            }
            boolean trustedAuthor = draft.submission().email() != null && reads.trusted().contains(draft.submission().email());
            ModerationOutcome outcome = ModerationPolicy.decide(draft.firstComment(), draft.engineReasons(),
                    reads.articles().get(draft.articleId()), trustedAuthor);
            Comment comment = newComment(draft, outcome);
            comment.id = ids.next(db);
            accepted.add(comment);
            results[i] = new Result(comment, null);
            if (comment.status == CommentStatus.APPROVED) {
                approved.change(comment.articleId, false, true);
            }
        }
        sql.write(db, new BatchSql.Writes(accepted, SubmissionThrottle.changes(gate.admitted(), reads.throttle()),
                shard, approved, reads.eventsWanted()));
        return new Stored(List.of(results), reads.eventsWanted() && !accepted.isEmpty());
    }

    /**
     * Everything the batch must read. The author keys of every flood-controlled draft, even one that
     * will be refused as closed or duplicate: locking a key too many costs nothing, and
     * {@link SubmissionThrottle#changes} puts back a row that no admitted comment used.
     */
    private static BatchSql.Keys keys(List<CommentDraft> drafts) {
        TreeSet<String> articleIds = new TreeSet<>();
        TreeSet<String> dedupKeys = new TreeSet<>();
        TreeSet<String> trustedCandidates = new TreeSet<>();
        TreeMap<String, Instant> throttleFirstUse = new TreeMap<>();
        for (CommentDraft draft : drafts) {
            articleIds.add(draft.articleId());
            if (draft.dedupKey() != null) {
                dedupKeys.add(draft.dedupKey());
            }
            // Authors with a comment approved by a moderator: the first-comment rule lets them through.
            if (draft.firstComment() != null && draft.submission().email() != null) {
                trustedCandidates.add(draft.submission().email());
            }
            if (isFloodControlled(draft)) {
                draft.throttleKeys().forEach(key -> throttleFirstUse.putIfAbsent(key, draft.submittedAt()));
            }
        }
        return new BatchSql.Keys(articleIds, dedupKeys, trustedCandidates, throttleFirstUse, drafts.get(0).submittedAt());
    }

    private static boolean isFloodControlled(CommentDraft draft) {
        Duration interval = draft.floodInterval();
        return !interval.isZero() && !interval.isNegative() && !draft.throttleKeys().isEmpty();
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
}
