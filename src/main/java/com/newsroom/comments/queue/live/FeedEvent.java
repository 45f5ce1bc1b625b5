package com.newsroom.comments.queue.live;

import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.newsroom.comments.article.ArticleIds;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.QueueActivity;

/** One event of the feed, also the data of its server-sent event; on the wire between instances as {@link #encode()}. */
@Schema(name = "QueueEvent", description = "A change an open moderation queue shows at once")
public record FeedEvent(
        @Schema(description = "held: stored as pending; reported: a reader reported it (status PENDING when the reports "
                + "hid it); decided: a moderator changed its status or text, or deleted it (status null); resync: events "
                + "may have been lost, read the queue afresh", enumeration = { "held", "reported", "decided", "resync" },
                example = "held") String type,
        @Schema(example = "42") Long commentId,
        @Schema(example = "budget-2026") String articleId,
        @Schema(description = "The comment's status after the change, if known", example = "PENDING") String status) {

    public static final String HELD = "held";
    public static final String REPORTED = "reported";
    public static final String DECIDED = "decided";
    public static final String RESYNC = "resync";
    static final FeedEvent RESYNC_EVENT = new FeedEvent(RESYNC, null, null, null);

    static FeedEvent of(QueueActivity activity) {
        return new FeedEvent(activity.kind() == QueueActivity.Kind.HELD ? HELD : DECIDED, activity.commentId(),
                activity.articleId(), activity.status() == null ? null : activity.status().name());
    }

    /** {@code type:commentId:status:articleId} ({@code -} for no status); article ids hold no colon. */
    String encode() {
        return type + ":" + commentId + ":" + (status == null ? "-" : status) + ":" + articleId;
    }

    /** The event another instance encoded; empty for anything malformed. */
    static Optional<FeedEvent> decode(String payload) {
        String[] parts = payload.split(":", 4);
        if (parts.length != 4 || !(parts[0].equals(HELD) || parts[0].equals(REPORTED) || parts[0].equals(DECIDED))
                || !ArticleIds.isValid(parts[3])) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(parts[1]);
            String status = parts[2].equals("-") ? null : CommentStatus.valueOf(parts[2].toUpperCase(Locale.ROOT)).name();
            return Optional.of(new FeedEvent(parts[0], id, parts[3], status));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
