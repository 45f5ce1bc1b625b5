package com.newsroom.comments.comment.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.i18n.Messages;

/**
 * The answer to a submission. A comment judged spam is reported as PENDING, and no rule is named:
 * spammers learn nothing from it.
 */
@Schema(name = "SubmittedComment")
public record SubmittedComment(
        @Schema(example = "51") long id,
        @Schema(example = "budget-2026") String articleId,
        Long parentId,
        @Schema(example = "Hamdi Fırat Büyük") String name,
        String website,
        @Schema(example = "Thank you for this report.") String text,
        Instant createdAt,
        @Schema(enumeration = { "APPROVED", "PENDING" }, example = "PENDING") String status,
        @Schema(description = "In the reader's language", example = "Your comment is awaiting moderation.") String message) {

    /** The messages' keys in the {@code i18n} bundles. */
    public static final String PUBLISHED = "comment.published";
    public static final String AWAITING_MODERATION = "comment.pending";

    /** The answer, its message in the reader's language. */
    public static SubmittedComment of(Comment comment, Messages language) {
        boolean approved = comment.status == CommentStatus.APPROVED;
        return new SubmittedComment(comment.id, comment.articleId, comment.parentId, comment.name, comment.website,
                comment.text, comment.createdAt, approved ? "APPROVED" : "PENDING",
                language.text(approved ? PUBLISHED : AWAITING_MODERATION));
    }
}
