package com.newsroom.comments.comment.pages;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.newsroom.comments.comment.Comment;

/** A published comment as readers see it: never the e-mail, IP address or User-Agent. */
@Schema(name = "PublicComment")
public record PublicComment(
        @Schema(example = "51") long id,
        @Schema(description = "The comment this one replies to", example = "1") Long parentId,
        @Schema(example = "Recep Tayyip Erdoğan") String name,
        @Schema(example = "https://example.com") String website,
        @Schema(description = "The comment as it was sent: render it as text, never as HTML", example = "Thank you for this report.") String text,
        Instant createdAt) {

    public static PublicComment of(Comment comment) {
        return new PublicComment(comment.id, comment.parentId, comment.name, comment.website, comment.text,
                comment.createdAt);
    }
}
