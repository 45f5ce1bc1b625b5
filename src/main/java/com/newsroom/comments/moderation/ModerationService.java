package com.newsroom.comments.moderation;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.newsroom.comments.article.Article;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.CommentSubmission;
import com.newsroom.comments.comment.ModerationReason;

/** Decides APPROVED, PENDING or SPAM for every new comment. */
@ApplicationScoped
public class ModerationService {

    public ModerationOutcome moderate(Article article, CommentSubmission submission, String ipAddress) {
        List<ModerationReason> reasons = new ArrayList<>();
        if (article.premoderate) {
            reasons.add(new ModerationReason(null, "PREMODERATION", null, null, null, null, "HOLD",
                    "Every comment on this article is held for a moderator."));
        }
        return new ModerationOutcome(reasons.isEmpty() ? CommentStatus.APPROVED : CommentStatus.PENDING, reasons);
    }
}
