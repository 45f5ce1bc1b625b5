package com.newsroom.comments.report;

/**
 * Fired inside the transaction that stored a counted report (a reporter's first on this comment);
 * observe it {@code during = TransactionPhase.AFTER_SUCCESS} to act on committed reports only.
 * {@code hidden}: this report sent the published comment back to the queue.
 */
public record CommentReported(long commentId, String articleId, ReportReason reason, boolean hidden) {
}
