package com.newsroom.comments.queue;

import com.newsroom.comments.comment.CommentStatus;

/** What a moderator can do to a comment, and the status it leads to. */
public enum ModeratorAction {
    APPROVE(CommentStatus.APPROVED),
    HOLD(CommentStatus.PENDING),
    SPAM(CommentStatus.SPAM),
    REJECT(CommentStatus.REJECTED),
    /** Back to the queue from spam or rejected. */
    RESTORE(CommentStatus.PENDING);

    public final CommentStatus target;

    ModeratorAction(CommentStatus target) {
        this.target = target;
    }
}
