package com.newsroom.comments.comment;

import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a reader submits. Only {@code name} and {@code text} are required. */
@Schema(name = "CommentSubmission", description = "A new comment, as the article page's form sends it")
public record CommentSubmission(
        @Schema(description = "The author's display name", required = true, maxLength = 245, example = "Hamdi Fırat Büyük")
        String name,
        @Schema(description = "The comment", required = true, maxLength = 65525, example = "Thank you for this report. Erdoğan's speech deserves a closer look.")
        String text,
        @Schema(description = "The author's e-mail address; never published", maxLength = 100, example = "hamdi@example.com")
        String email,
        @Schema(description = "The author's website (http or https)", maxLength = 200, example = "https://example.com")
        String website,
        @Schema(description = "The approved comment on the same article this one replies to", example = "51")
        Long parentId) {

    /**
     * Trims what forms pad, turns empty optional fields into absent ones and lower-cases the e-mail
     * (one author, one address, whatever the case typed). The name and text stay as sent.
     */
    public CommentSubmission normalized() {
        String address = trimToNull(email);
        return new CommentSubmission(trimToNull(name), text, address == null ? null : address.toLowerCase(Locale.ROOT),
                trimToNull(website), parentId);
    }

    private static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
