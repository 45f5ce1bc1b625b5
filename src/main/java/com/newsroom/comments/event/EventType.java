package com.newsroom.comments.event;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events a webhook can subscribe to, by their names on the wire ({@code comment.created}). */
public enum EventType {
    /** A new comment, with its status: APPROVED, or PENDING when held for a moderator (or judged spam). */
    COMMENT_CREATED("comment.created"),
    COMMENT_APPROVED("comment.approved"),
    COMMENT_HELD("comment.held"),
    COMMENT_SPAM("comment.spam"),
    COMMENT_REJECTED("comment.rejected"),
    COMMENT_RESTORED("comment.restored"),
    COMMENT_EDITED("comment.edited"),
    COMMENT_DELETED("comment.deleted"),
    /** A reader reported a comment (a reporter's first report on it); the comment is back in the queue if the reports hid it. */
    COMMENT_REPORTED("comment.reported"),
    ARTICLE_UPDATED("article.updated"),
    AUTHOR_ERASED("author.erased"),
    /** Sent by the webhook test endpoint to one webhook only; never subscribed to. */
    PING("webhook.ping");

    public final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** The names a webhook may subscribe to: every type but the ping. */
    public static List<String> subscribable() {
        return Arrays.stream(values()).filter(t -> t != PING).map(t -> t.wireName).toList();
    }
}
