package com.newsroom.comments.article;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Article")
public record ArticleView(@Schema(example = "budget-2026") String id, boolean commentsOpen, Instant closesAt,
        Integer closeAfterDays, boolean premoderate, Instant publishedAt, Instant createdAt, Instant updatedAt,
        @Schema(description = "Whether a comment posted now would be accepted") boolean acceptingComments,
        long version) {

    static ArticleView of(Article a) {
        return new ArticleView(a.id, a.commentsOpen, a.closesAt, a.closeAfterDays, a.premoderate, a.publishedAt,
                a.createdAt, a.updatedAt, a.acceptsCommentsAt(Instant.now()), a.version);
    }
}
