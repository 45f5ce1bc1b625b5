/**
 * Moderation of new comments: the compiled rules on a submission ({@link ModerationService}), the pure
 * decision policy that the write path and the dry run share ({@link ModerationPolicy}), the dry-run API
 * and the metrics. The rules themselves are in {@code moderation.rule}, their engine in
 * {@code moderation.engine}. Called by the comment API and write path.
 */
package com.newsroom.comments.moderation;
