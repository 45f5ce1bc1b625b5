package com.newsroom.comments.queue;

import com.newsroom.comments.comment.CommentStatus;

/** What a moderator can do to a comment, and the status it leads to. */
public enum ModeratorAction {
    APPROVE(CommentStatus.APPROVED, true),
    HOLD(CommentStatus.PENDING, false),
    SPAM(CommentStatus.SPAM, true),
    REJECT(CommentStatus.REJECTED, true),
    /** Back to the queue from spam or rejected. */
    RESTORE(CommentStatus.PENDING, false);

    public final CommentStatus target;
    /** Whether the decision resolves the comment's open reports from readers. */
    public final boolean resolvesReports;

    ModeratorAction(CommentStatus target, boolean resolvesReports) {
        this.target = target;
        this.resolvesReports = resolvesReports;
    }
}
