package com.newsroom.comments.comment;

/** Where a comment stands. Only {@link #APPROVED} comments are public. */
public enum CommentStatus {
    APPROVED,
    /** Held for a moderator. */
    PENDING,
    SPAM,
    /** Refused by a moderator (not spam, but not publishable either). */
    REJECTED
}
