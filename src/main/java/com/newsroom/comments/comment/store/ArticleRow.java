package com.newsroom.comments.comment.store;

import java.time.Instant;

/** An article's record as a backup holds it: its settings and times, for {@link CommentExport} and restores. */
public record ArticleRow(String id, boolean commentsOpen, Instant closesAt, Integer closeAfterDays, boolean premoderate,
        Instant publishedAt, Instant createdAt, Instant updatedAt, long version) {
}
