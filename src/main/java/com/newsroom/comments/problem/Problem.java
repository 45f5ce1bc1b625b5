package com.newsroom.comments.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.newsroom.comments.i18n.Messages;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem details document ({@code application/problem+json}).
 * {@code errors} lists field-level validation errors; it is absent for other problems.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "URI reference identifying the problem type", example = "https://comments.newsroom.dev/problems/validation")
        String type,
        @Schema(description = "Short, human-readable summary of the problem type", example = "Invalid comment")
        String title,
        @Schema(description = "HTTP status code", example = "400")
        int status,
        @Schema(description = "Human-readable explanation of this occurrence", example = "The comment has 2 invalid fields.")
        String detail,
        @Schema(description = "The request path", example = "/api/articles/budget-2026/comments")
        String instance,
        @Schema(description = "Field-level validation errors, each with a stable code")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://comments.newsroom.dev/problems/";

    /**
     * One invalid field, what is wrong with it in words the site can show next to the field, and a stable
     * {@code code} (e.g. {@code name.required}, {@code altcha.required}), the same in every language, for
     * front-ends that use their own words. A field error made by {@link #of} is a message of the bundles
     * (its key is the code): English until it is answered in the reader's language; one made with a
     * message (moderators' API) is answered as it is.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "field", "message", "code" })
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "name") String field,
            @Schema(example = "Please enter your name here") String message,
            @Schema(description = "A stable code of the error, the same in every language", example = "name.required")
            String code,
            @JsonIgnore @Schema(hidden = true) List<Object> args) {

        /** An error with a message of its own, never translated. */
        public FieldError(String field, String message, String code) {
            this(field, message, code, null);
        }

        /** The bundles' message {@code code} with its arguments (strings, or numbers for plurals). */
        public static FieldError of(String field, String code, Object... args) {
            return new FieldError(field, Messages.english().text(code, args), code, List.of(args));
        }

        /** This error in {@code messages}' language (itself if its message is its own). */
        public FieldError in(Messages messages) {
            return args == null ? this : new FieldError(field, messages.text(code, args.toArray()), code, args);
        }
    }
}
