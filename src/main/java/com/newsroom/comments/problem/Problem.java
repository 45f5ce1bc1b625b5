package com.newsroom.comments.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

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
        @Schema(description = "Field-level validation errors")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://comments.newsroom.dev/problems/";

    /**
     * One invalid field and what is wrong with it, in words the site can show next to the field, and for
     * errors a script acts on, a stable {@code code} (e.g. {@code altcha.required}).
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "name") String field,
            @Schema(example = "Please enter your name here") String message,
            @Schema(description = "A stable code for errors scripts act on; absent for the others", example = "altcha.required")
            String code) {

        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }
}
