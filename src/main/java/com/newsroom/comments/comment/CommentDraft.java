package com.newsroom.comments.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

import com.newsroom.comments.moderation.rule.ActiveRules;

/**
 * A valid, engine-moderated submission on its way to the database, with everything the write batch
 * needs to finish the checks that need the database (article, duplicate, flood, the author's history).
 *
 * @param dedupKey null when the duplicate check is off
 * @param throttleKeys the author's flood-control keys (ip:..., email:...), sorted
 * @param floodInterval zero when flood control is off
 * @param firstComment the active first-comment rule, or null
 * @param engineReasons what the compiled rules found
 * @param submittedAt microsecond precision, as PostgreSQL stores it
 */
record CommentDraft(String articleId, CommentSubmission submission, String ipAddress, String userAgent,
        String dedupKey, SortedSet<String> throttleKeys, Duration floodInterval,
        ActiveRules.FirstCommentRule firstComment, List<ModerationReason> engineReasons, Instant submittedAt) {
}
