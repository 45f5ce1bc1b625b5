/**
 * The write path of new comments: group commits. {@link CommentWriter} queues drafts for writer threads;
 * {@link CommentStore} judges a batch (closed article, duplicate, flood, the moderation decision) between
 * one read and one write of {@link BatchSql}, in a local JDBC transaction, exactly as if the drafts had
 * come one by one. Each SQL statement of the batch has one home, here or with its table's owner. Called
 * by {@code comment.api}; the moderator workspace only clears an erased author's flood-control key.
 * {@link CommentImports} inserts imported and restored comments in batches, in one transaction per
 * import and outside the submission checks (a restore also brings back articles and reports);
 * {@link CommentExport} reads a backup's rows from one snapshot through cursors. Both called by
 * {@code migration}.
 */
package com.newsroom.comments.comment.store;
