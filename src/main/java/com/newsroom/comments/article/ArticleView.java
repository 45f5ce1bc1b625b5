package com.newsroom.comments.article;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.newsroom.comments.comment.CommentStatus;

@Schema(name = "Article")
public record ArticleView(@Schema(example = "budget-2026") String id, boolean commentsOpen, Instant closesAt,
        Integer closeAfterDays, boolean premoderate, Instant publishedAt, Instant createdAt, Instant updatedAt,
        @Schema(description = "Whether a comment posted now would be accepted") boolean acceptingComments,
        @Schema(description = "When comments close or closed by closesAt or closeAfterDays, whichever is first; "
                + "null when neither is set") Instant closingAt,
        @Schema(description = "The article's stored comments by status") CommentCounts comments,
        long version) {

    /** Stored comments of one article by status. */
    @Schema(name = "ArticleCommentCounts")
    public record CommentCounts(@Schema(example = "120") long approved, @Schema(example = "3") long pending,
            @Schema(example = "7") long spam, @Schema(example = "1") long rejected) {

        static CommentCounts of(Map<CommentStatus, Long> byStatus) {
            Map<CommentStatus, Long> m = byStatus == null ? Map.of() : byStatus;
            return new CommentCounts(m.getOrDefault(CommentStatus.APPROVED, 0L), m.getOrDefault(CommentStatus.PENDING, 0L),
                    m.getOrDefault(CommentStatus.SPAM, 0L), m.getOrDefault(CommentStatus.REJECTED, 0L));
        }
    }

    static ArticleView of(Article a, Map<CommentStatus, Long> counts) {
        return new ArticleView(a.id, a.commentsOpen, a.closesAt, a.closeAfterDays, a.premoderate, a.publishedAt,
                a.createdAt, a.updatedAt, a.acceptsCommentsAt(Instant.now()), a.closingAt(), CommentCounts.of(counts),
                a.version);
    }
}
