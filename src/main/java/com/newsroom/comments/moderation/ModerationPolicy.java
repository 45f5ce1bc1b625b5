package com.newsroom.comments.moderation;

import java.util.ArrayList;
import java.util.List;

import com.newsroom.comments.article.Article;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.ModerationReason;
import com.newsroom.comments.moderation.engine.RuleAction;
import com.newsroom.comments.moderation.rule.ActiveRules;

/**
 * The decision for one comment: what the compiled rules found, plus what they cannot know (the
 * article's premoderation, the author's history), and the most severe action wins. Pure: the caller
 * reads what it needs, so the write path (in its batch's one read) and the dry run decide alike.
 */
public final class ModerationPolicy {

    private ModerationPolicy() {
    }

    /**
     * @param firstComment the active first-comment rule, or null
     * @param engineReasons what the compiled rules found
     * @param article the article, or null when it has no record yet (so no premoderation)
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

    /** SPAM if any reason says so, PENDING if there is any other, APPROVED without one. */
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
}
