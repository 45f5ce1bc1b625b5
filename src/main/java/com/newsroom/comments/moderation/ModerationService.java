package com.newsroom.comments.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.newsroom.comments.article.ArticleRepository;
import com.newsroom.comments.comment.CommentRepository;
import com.newsroom.comments.comment.CommentSubmission;
import com.newsroom.comments.comment.ModerationReason;
import com.newsroom.comments.moderation.engine.Reason;
import com.newsroom.comments.moderation.engine.Submission;
import com.newsroom.comments.moderation.engine.Verdict;
import com.newsroom.comments.moderation.rule.ActiveRules;

/**
 * Runs the compiled rules on a submission ({@link #evaluate}: no database, so a submission is
 * moderated before it joins a write batch), and the dry run ({@link #check}), which reads what the
 * write batch reads and decides through the same {@link ModerationPolicy}.
 */
@ApplicationScoped
public class ModerationService {

    private final ActiveRules rules;
    private final ArticleRepository articles;
    private final CommentRepository comments;
    private final ModerationMetrics metrics;

    public ModerationService(ActiveRules rules, ArticleRepository articles, CommentRepository comments,
            ModerationMetrics metrics) {
        this.rules = rules;
        this.articles = articles;
        this.comments = comments;
        this.metrics = metrics;
    }

    /** The compiled rules alone, on a normalised submission. */
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
     * What would happen to this comment if it were submitted now, decided as the write path decides:
     * the same rules, the article's settings and the author's history as stored. Nothing is written.
     *
     * @param articleId the article, or null for one without a record (no premoderation)
     * @param submission a normalised submission
     * @param botReasons what the bot checks that apply to a dry run found; listed first
     */
    public ModerationOutcome check(String articleId, CommentSubmission submission, String ipAddress,
            List<ModerationReason> botReasons) {
        ActiveRules.Snapshot snapshot = rules.current();
        List<ModerationReason> found = evaluate(snapshot, submission, ipAddress);
        found.addAll(0, botReasons);
        // Looked up only when the first-comment rule is on, as the write path does.
        boolean trusted = snapshot.firstComment() != null && comments.isTrusted(submission.email());
        return ModerationPolicy.decide(snapshot.firstComment(), found,
                articleId == null ? null : articles.findById(articleId), trusted);
    }

    private static ModerationReason toReason(Reason reason) {
        return new ModerationReason(reason.ruleId(), reason.type().name(),
                reason.field() == null ? null : reason.field().name().toLowerCase(Locale.ROOT),
                reason.match(), reason.start(), reason.end(), reason.action().name(), reason.detail());
    }
}
