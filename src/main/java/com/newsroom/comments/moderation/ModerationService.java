package com.newsroom.comments.moderation;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.newsroom.comments.article.Article;
import com.newsroom.comments.comment.CommentRepository;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.CommentSubmission;
import com.newsroom.comments.comment.ModerationReason;
import com.newsroom.comments.moderation.engine.Reason;
import com.newsroom.comments.moderation.engine.RuleAction;
import com.newsroom.comments.moderation.engine.Submission;
import com.newsroom.comments.moderation.engine.Verdict;
import com.newsroom.comments.moderation.rule.ActiveRules;

/**
 * Decides APPROVED, PENDING or SPAM for every new comment: the compiled rules, then what needs the
 * database (the article's premoderation, the author's history). The most severe action wins.
 */
@ApplicationScoped
public class ModerationService {

    private final ActiveRules rules;
    private final CommentRepository comments;
    private final ModerationMetrics metrics;

    public ModerationService(ActiveRules rules, CommentRepository comments, ModerationMetrics metrics) {
        this.rules = rules;
        this.comments = comments;
        this.metrics = metrics;
    }

    /**
     * The whole decision for one comment, with the database look-up of the author's history.
     *
     * @param article the article, or null when it has no record yet
     * @param submission a normalised submission
     */
    public ModerationOutcome moderate(Article article, CommentSubmission submission, String ipAddress) {
        ActiveRules.Snapshot snapshot = rules.current();
        List<ModerationReason> found = evaluate(snapshot, submission, ipAddress);
        boolean trusted = snapshot.firstComment() == null || isTrusted(submission.email());
        return decide(snapshot.firstComment(), found, article, trusted);
    }

    /** The compiled rules alone: no database, so it runs before a comment joins a write batch. */
    public List<ModerationReason> evaluate(ActiveRules.Snapshot snapshot, CommentSubmission submission,
            String ipAddress) {
        return metrics.moderationTime().record(() -> {
            Verdict verdict = snapshot.engine().evaluate(new Submission(submission.name(), submission.text(),
                    submission.email(), submission.website(), ipAddress));
            List<ModerationReason> reasons = new ArrayList<>(verdict.reasons().size() + 2);
            for (Reason reason : verdict.reasons()) {
                reasons.add(toReason(reason));
            }
            return reasons;
        });
    }

    /**
     * Adds what the engine cannot know (the article's premoderation, the author's history) to its
     * reasons and picks the most severe action.
     *
     * @param firstComment the active first-comment rule, or null
     * @param trustedAuthor whether a moderator has approved a comment by this author before
     */
    public static ModerationOutcome decide(ActiveRules.FirstCommentRule firstComment, List<ModerationReason> engineReasons,
            Article article, boolean trustedAuthor) {
        List<ModerationReason> reasons = new ArrayList<>(engineReasons);
        if (article != null && article.premoderate) {
            reasons.add(new ModerationReason(null, "PREMODERATION", null, null, null, null, RuleAction.HOLD.name(),
                    "Every comment on this article is held for a moderator."));
        }
        if (firstComment != null && !trustedAuthor) {
            reasons.add(new ModerationReason(firstComment.ruleId(), "FIRST_COMMENT", "email", null, null, null,
                    firstComment.action().name(), "The author has no comment approved by a moderator yet."));
        }
        return new ModerationOutcome(statusFor(reasons), reasons);
    }

    /** An author is trusted once a moderator has approved one of their comments (same e-mail). */
    boolean isTrusted(String email) {
        return email != null && comments.hasModeratorApprovedComment(email);
    }

    static CommentStatus statusFor(List<ModerationReason> reasons) {
        CommentStatus status = CommentStatus.APPROVED;
        for (ModerationReason reason : reasons) {
            if (RuleAction.SPAM.name().equals(reason.action)) {
                return CommentStatus.SPAM;
            }
            status = CommentStatus.PENDING;
        }
        return status;
    }

    private static ModerationReason toReason(Reason reason) {
        return new ModerationReason(reason.ruleId(), reason.type().name(),
                reason.field() == null ? null : reason.field().name().toLowerCase(java.util.Locale.ROOT),
                reason.match(), reason.start(), reason.end(), reason.action().name(), reason.detail());
    }
}
