package com.newsroom.comments.queue;

import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.event.EventType;

/** What a moderator can do to a comment, and the status it leads to. */
public enum ModeratorAction {
    APPROVE(CommentStatus.APPROVED, true, EventType.COMMENT_APPROVED),
    HOLD(CommentStatus.PENDING, false, EventType.COMMENT_HELD),
    SPAM(CommentStatus.SPAM, true, EventType.COMMENT_SPAM),
    REJECT(CommentStatus.REJECTED, true, EventType.COMMENT_REJECTED),
    /** Back to the queue from spam or rejected. */
    RESTORE(CommentStatus.PENDING, false, EventType.COMMENT_RESTORED);

    public final CommentStatus target;
    /** Whether the decision resolves the comment's open reports from readers. */
    public final boolean resolvesReports;
    /** The event each changed comment sends. */
    public final EventType event;

    ModeratorAction(CommentStatus target, boolean resolvesReports, EventType event) {
        this.target = target;
        this.resolvesReports = resolvesReports;
        this.event = event;
    }
}
