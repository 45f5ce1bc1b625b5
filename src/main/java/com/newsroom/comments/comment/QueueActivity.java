package com.newsroom.comments.comment;

/**
 * A change moderators should see at once in an open queue: a comment stored as held ({@link Kind#HELD}) or a
 * moderator's change of one ({@link Kind#DECIDED}: a decision, an edit, a deletion, where {@code status} is
 * null). Fired inside the changing transaction, or by the comment writer after its commit; observed after a
 * successful commit by the moderators' live feed (package {@code queue.live}). Readers' reports have their own
 * event, {@code report.CommentReported}.
 */
public record QueueActivity(Kind kind, long commentId, String articleId, CommentStatus status) {

    public enum Kind {
        HELD, DECIDED
    }
}
