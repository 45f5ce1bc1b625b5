package com.newsroom.comments.comment.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

import com.newsroom.comments.comment.CommentSubmission;
import com.newsroom.comments.comment.ModerationReason;
import com.newsroom.comments.moderation.rule.ActiveRules;

/**
 * A valid, engine-moderated submission on its way to the database, with everything the write batch
 * needs to finish the checks that need the database (article, duplicate, flood, the author's history).
 *
 * @param dedupKey null when the duplicate check is off
 * @param throttleKeys the author's flood-control keys ({@link SubmissionThrottle#keys}), sorted
 * @param floodInterval zero when flood control is off
 * @param firstComment the active first-comment rule, or null
 * @param engineReasons what the compiled rules found
 * @param submittedAt microsecond precision, as PostgreSQL stores it
 */
public record CommentDraft(String articleId, CommentSubmission submission, String ipAddress, String userAgent,
        String dedupKey, SortedSet<String> throttleKeys, Duration floodInterval,
        ActiveRules.FirstCommentRule firstComment, List<ModerationReason> engineReasons, Instant submittedAt) {

    /**
     * The draft of a normalised, valid submission, under the rules in force: its duplicate key when the
     * duplicate check is on, and its author's flood-control keys.
     */
    public static CommentDraft of(String articleId, CommentSubmission submission, String ipAddress, String userAgent,
            ActiveRules.Snapshot rules, List<ModerationReason> engineReasons, Instant submittedAt) {
        return new CommentDraft(articleId, submission, ipAddress, userAgent,
                rules.duplicatesEnabled() ? DedupKey.of(articleId, submission, ipAddress) : null,
                SubmissionThrottle.keys(submission, ipAddress), rules.floodInterval(), rules.firstComment(),
                engineReasons, submittedAt);
    }
}
