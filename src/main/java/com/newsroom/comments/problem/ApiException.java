package com.newsroom.comments.problem;

import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.newsroom.comments.i18n.Messages;

/**
 * A failure the client can act on, carried to {@link ProblemMappers} and answered as problem details.
 * Use the factory methods: they keep the problem types and titles consistent across the API.
 * <p>
 * Readers' problems are answered in their language ({@link #toProblem(String, Messages)}): the title by
 * the bundles' key {@code problem.<type>.title}, the detail when made from a bundle key ({@link #of}),
 * and every field error made by {@link Problem.FieldError#of}. The language is the one a resource chose
 * ({@link #in}), else the one the mapper chooses from the request. Without a language (moderators'
 * requests) everything is answered as made, in English.
 */
public class ApiException extends RuntimeException {

    static final String VALIDATION_DETAIL = "problem.validation.detail";

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Duration retryAfter;
    /** The detail as a bundle key and its arguments; null when the detail is a literal. */
    private final String detailKey;
    private final Object[] detailArgs;
    /** The language a resource chose for this answer, or null. */
    private final Messages language;

    public ApiException(int status, String type, String title, String detail, List<Problem.FieldError> errors,
            Duration retryAfter) {
        this(status, type, title, detail, errors, retryAfter, null, null, null);
    }

    private ApiException(int status, String type, String title, String detail, List<Problem.FieldError> errors,
            Duration retryAfter, String detailKey, Object[] detailArgs, Messages language) {
        super(detail, null, false, false); // no stack trace: these are expected outcomes, not bugs
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
        this.retryAfter = retryAfter;
        this.detailKey = detailKey;
        this.detailArgs = detailArgs;
        this.language = language;
    }

    /** A problem whose detail is the bundles' message {@code detailKey}: readers get it in their language. */
    public static ApiException of(int status, String type, String title, Duration retryAfter, String detailKey,
            Object... args) {
        return new ApiException(status, type, title, Messages.english().text(detailKey, args), null, retryAfter,
                detailKey, args, null);
    }

    public static ApiException validation(List<Problem.FieldError> errors) {
        List<Problem.FieldError> copy = List.copyOf(errors);
        if (copy.size() == 1) {
            return new ApiException(400, "validation", "Invalid request", copy.get(0).message(), copy, null);
        }
        return new ApiException(400, "validation", "Invalid request", Messages.english().text(VALIDATION_DETAIL, copy.size()),
                copy, null, VALIDATION_DETAIL, new Object[] { copy.size() }, null);
    }

    /** One invalid field of the moderators' API, with its message as written and the code {@code <field>.invalid}. */
    public static ApiException invalidField(String field, String message) {
        return validation(List.of(new Problem.FieldError(field, message, field + ".invalid")));
    }

    /** One invalid field of a reader's request: the bundles' message {@code code}. */
    public static ApiException invalid(String field, String code, Object... args) {
        return validation(List.of(Problem.FieldError.of(field, code, args)));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail, null, null);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail, null, null);
    }

    public static ApiException duplicate(String detail) {
        return new ApiException(409, "duplicate-comment", "Duplicate comment", detail, null, null);
    }

    public static ApiException forbidden(String type, String detail) {
        return new ApiException(403, type, "Forbidden", detail, null, null);
    }

    public static ApiException tooManyRequests(String detail, Duration retryAfter) {
        return new ApiException(429, "too-many-requests", "Too many requests", detail, null, retryAfter);
    }

    public static ApiException unavailable(String detail, Duration retryAfter) {
        return new ApiException(503, "service-unavailable", "Service unavailable", detail, null, retryAfter);
    }

    /** A request body over {@code limit} bytes. */
    public static ApiException payloadTooLarge(long limit) {
        return of(413, "payload-too-large", "Payload too large", null, "problem.payload-too-large.limit",
                String.valueOf(limit / 1024));
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(412, "precondition-failed", "Precondition failed", detail, null, null);
    }

    /** This problem, to be answered in {@code messages}' language (a copy: some problems are shared constants). */
    public ApiException in(Messages messages) {
        return new ApiException(status, type, title, getMessage(), errors, retryAfter, detailKey, detailArgs, messages);
    }

    /** The language a resource chose for this answer, or null. */
    public Messages language() {
        return language;
    }

    public int status() {
        return status;
    }

    /** The bundles' key of the detail, or null when it is a literal. */
    public String detailKey() {
        return detailKey;
    }

    /** As made: English, untranslated. */
    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_BASE + type, title, status, getMessage(), instance, errors);
    }

    /** In {@code messages}' language; as made if null. */
    public Problem toProblem(String instance, Messages messages) {
        if (messages == null) {
            return toProblem(instance);
        }
        String titleKey = "problem." + type + ".title";
        List<Problem.FieldError> translated = errors == null ? null : errors.stream().map(e -> e.in(messages)).toList();
        String detail = detailKey != null ? messages.text(detailKey, detailArgs)
                : translated != null && translated.size() == 1 ? translated.get(0).message() : getMessage();
        return new Problem(Problem.TYPE_BASE + type, messages.has(titleKey) ? messages.text(titleKey) : title, status,
                detail, instance, translated);
    }

    public Response.ResponseBuilder toResponse(String instance) {
        return toResponse(instance, null);
    }

    /** In {@code messages}' language, with {@code Content-Language}; as made if null. */
    public Response.ResponseBuilder toResponse(String instance, Messages messages) {
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(toProblem(instance, messages));
        if (messages != null) {
            builder.header(HttpHeaders.CONTENT_LANGUAGE, messages.language());
        }
        if (retryAfter != null) {
            builder.header("Retry-After", Math.max(1, (retryAfter.toMillis() + 999) / 1000));
        }
        return builder;
    }
}
