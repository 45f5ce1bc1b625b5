package com.newsroom.comments.comment;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a reader submits. Only {@code name} and {@code text} are required; {@code formToken}, {@code altcha}
 * and the honeypot field (any other property, in {@code other}) are the bot checks' evidence.
 */
@Schema(name = "CommentSubmission", description = "A new comment, as the article page's form sends it; a \"lang\" property (the reader's language, e.g. \"tr\") chooses the language of the answer")
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
        Long parentId,
        @Schema(description = "The signed form token from GET /api/articles/{articleId}/form-token (time trap)",
                example = "1764920000000.q8Zr1mYkUe3w.M9c3w0QbW1o8p1f4mYxN2Zl5cV2Q9oQ2b3Y4r5s6t7u")
        String formToken,
        @Schema(description = "The proof-of-work solution (ALTCHA payload: base64 JSON) for a challenge from GET /api/challenge",
                example = "eyJhbGdvcml0aG0iOiJTSEEtMjU2IiwiY2hhbGxlbmdlIjoiLi4uIiwibnVtYmVyIjo0Miwic2FsdCI6Ii4uLiIsInNpZ25hdHVyZSI6Ii4uLiJ9")
        String altcha,
        @JsonAnySetter @Schema(hidden = true)
        Map<String, Object> other) {

    /** A submission without bot evidence (moderators' edits, the dry run, tests). */
    public CommentSubmission(String name, String text, String email, String website, Long parentId) {
        this(name, text, email, website, parentId, null, null, null);
    }

    /**
     * Trims what forms pad, turns empty optional fields into absent ones and lower-cases the e-mail
     * (one author, one address, whatever the case typed). The name and text stay as sent.
     */
    public CommentSubmission normalized() {
        String address = trimToNull(email);
        return new CommentSubmission(trimToNull(name), text, address == null ? null : address.toLowerCase(Locale.ROOT),
                trimToNull(website), parentId, trimToNull(formToken), trimToNull(altcha), other);
    }

    /** The value sent in the field {@code name} beyond the known ones, as text; null if absent or empty. */
    public String otherField(String name) {
        Object value = other == null ? null : other.get(name);
        return value == null ? null : trimToNull(value.toString());
    }

    private static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
