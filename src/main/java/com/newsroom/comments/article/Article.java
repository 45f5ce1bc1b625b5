package com.newsroom.comments.article;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * An article that has comments. Articles are not registered in advance: the first comment creates
 * the record, with comments open and no premoderation.
 */
@Entity
public class Article {

    @Id
    public String id;

    @Column(name = "comments_open", nullable = false)
    public boolean commentsOpen = true;

    /** Comments close at this instant, if set. */
    @Column(name = "closes_at")
    public Instant closesAt;

    /** Comments close this many days after {@link #publishedAt} (or the first comment), if set. */
    @Column(name = "close_after_days")
    public Integer closeAfterDays;

    /** Hold every comment for a moderator (sensitive stories). */
    @Column(nullable = false)
    public boolean premoderate;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** When {@link #closesAt} or {@link #closeAfterDays} closes comments, whichever is first; null if neither is set. */
    public Instant closingAt() {
        Instant afterDays = closeAfterDays == null ? null
                : (publishedAt != null ? publishedAt : createdAt).plus(Duration.ofDays(closeAfterDays));
        if (closesAt == null) {
            return afterDays;
        }
        return afterDays == null || closesAt.isBefore(afterDays) ? closesAt : afterDays;
    }

    /** Whether a comment posted at {@code now} is accepted. */
    public boolean acceptsCommentsAt(Instant now) {
        if (!commentsOpen) {
            return false;
        }
        if (closesAt != null && !now.isBefore(closesAt)) {
            return false;
        }
        if (closeAfterDays != null) {
            Instant start = publishedAt != null ? publishedAt : createdAt;
            return now.isBefore(start.plus(Duration.ofDays(closeAfterDays)));
        }
        return true;
    }
}
