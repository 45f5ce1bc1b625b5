package com.newsroom.comments.problem;

import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.core.Response;

/**
 * A failure the client can act on, carried to {@link ProblemMappers} and answered as problem details.
 * Use the factory methods: they keep the problem types and titles consistent across the API.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Duration retryAfter;

    public ApiException(int status, String type, String title, String detail, List<Problem.FieldError> errors,
            Duration retryAfter) {
        super(detail, null, false, false); // no stack trace: these are expected outcomes, not bugs
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
        this.retryAfter = retryAfter;
    }

    public static ApiException validation(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).message()
                : "The request has " + errors.size() + " invalid fields.";
        return new ApiException(400, "validation", "Invalid request", detail, List.copyOf(errors), null);
    }

    public static ApiException invalidField(String field, String message) {
        return validation(List.of(new Problem.FieldError(field, message)));
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
        return new ApiException(413, "payload-too-large", "Payload too large",
                "The request body is larger than the " + (limit / 1024) + " KiB this service accepts.", null, null);
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(412, "precondition-failed", "Precondition failed", detail, null, null);
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_BASE + type, title, status, getMessage(), instance, errors);
    }

    public Response.ResponseBuilder toResponse(String instance) {
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(toProblem(instance));
        if (retryAfter != null) {
            builder.header("Retry-After", Math.max(1, (retryAfter.toMillis() + 999) / 1000));
        }
        return builder;
    }
}
