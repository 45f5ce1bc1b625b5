package com.newsroom.comments.comment.store;

import java.time.Instant;

/** A reader's report as a backup holds it, for {@link CommentExport} and restores. */
public record ReportRow(long id, long commentId, String articleId, String reporter, String email, String ipAddress,
        String reason, String note, Instant createdAt, Instant resolvedAt, String resolvedBy, String resolution) {
}
