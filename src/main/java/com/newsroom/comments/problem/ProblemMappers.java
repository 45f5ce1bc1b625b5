package com.newsroom.comments.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.exception.JDBCConnectionException;

import com.newsroom.comments.article.ArticleIds;
import com.newsroom.comments.i18n.Languages;
import com.newsroom.comments.i18n.Messages;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure into RFC 9457 problem details. Nothing here ever puts a stack trace or an
 * exception message from a library into a response: those go to the log. Answers to readers' paths
 * ({@link Languages#isPublic}) are in their language: the one a resource chose, else the request's
 * {@code lang} query parameter or {@code Accept-Language}.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** The attribute of an {@link AuthenticationFailedException} that holds the {@link ApiException} to answer. */
    public static final String PROBLEM_ATTRIBUTE = "problem";

    private final Languages languages;

    public ProblemMappers(Languages languages) {
        this.languages = languages;
    }

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri, HttpHeaders headers) {
        return e.toResponse(path(uri), e.language() != null ? e.language() : language(uri, headers)).build();
    }

    /** The reader's language on public paths; null (untranslated) elsewhere. */
    Messages language(UriInfo uri, HttpHeaders headers) {
        String path = path(uri);
        if (!Languages.isPublic(path)) {
            return null;
        }
        String requested = uri.getQueryParameters().getFirst("lang");
        return languages.choose(requested, headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /**
     * Not signed in, or wrong credentials: say how to sign in, never why it failed. An authentication
     * failure that carries its own problem ({@link #PROBLEM_ATTRIBUTE}: throttled, cross-site) is answered as that.
     */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        if (e instanceof AuthenticationFailedException failed && failed.getAttribute(PROBLEM_ATTRIBUTE) instanceof ApiException problem) {
            return problem.toResponse(path(uri)).build();
        }
        return new ApiException(401, "unauthorized", "Unauthorized",
                "Sign in as a moderator: a session (POST /api/moderation/session), HTTP Basic with a moderator "
                        + "account, or a bearer token.", null, null)
                .toResponse(path(uri))
                // Pages' own requests (X-Requested-With) get no Basic challenge: browsers would open their password dialog.
                .header("WWW-Authenticate", headers != null && headers.getHeaderString("X-Requested-With") != null
                        ? "Bearer realm=\"comments\"" : "Basic realm=\"comments\", Bearer realm=\"comments\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ApiException.forbidden("forbidden", "Your account's role does not allow this.").toResponse(path(uri)).build();
    }

    /** Bean Validation on resource parameters (path, query, header). */
    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> ArticleIds.MESSAGE.equals(v.getMessage()) ? Problem.FieldError.of(fieldName(v), ArticleIds.CODE)
                        : new Problem.FieldError(fieldName(v), v.getMessage(), fieldName(v) + ".invalid"))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toCollection(ArrayList::new));
        return ApiException.validation(errors).toResponse(path(uri), language(uri, headers)).build();
    }

    /** JSON whose values have the wrong type (Quarkus has a built-in mapper for this one: replace it). */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return malformedJson(e, uri, headers);
    }

    /** Malformed JSON, or JSON whose values have the wrong type. */
    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : null;
        ApiException problem;
        if (field == null) {
            problem = e.getLocation() == null
                    ? ApiException.of(400, "malformed-json", "Malformed request body", null, "problem.malformed-json.detail")
                    : ApiException.of(400, "malformed-json", "Malformed request body", null, "problem.malformed-json.at",
                            String.valueOf(e.getLocation().getLineNr()), String.valueOf(e.getLocation().getColumnNr()));
        } else if (e instanceof InvalidValueException invalid) {
            problem = ApiException.invalid(field, invalid.code(), field);
        } else {
            problem = ApiException.invalid(field, "value.wrong_type", field);
        }
        return problem.toResponse(path(uri), language(uri, headers)).build();
    }

    /** JAX-RS's own errors: unknown path (404), wrong method (405), unsupported media type (415)... */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformedJson(json, uri, headers); // the JSON reader wraps parse errors in a plain 400
            }
        }
        Messages language = language(uri, headers);
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return unexpected(uri, language);
        }
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String title = reason != null ? reason.getReasonPhrase() : "Request failed";
        String type = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        ApiException problem = switch (status) {
            case 404 -> ApiException.of(status, type, title, null, "problem.not-found.path", path(uri));
            case 405 -> ApiException.of(status, type, title, null, "problem.method-not-allowed.detail");
            case 413 -> ApiException.of(status, type, title, null, "problem.payload-too-large.detail");
            case 415 -> ApiException.of(status, type, title, null, "problem.unsupported-media-type.detail");
            case 406 -> new ApiException(status, type, title,
                    "This resource cannot answer in any of the media types the Accept header asks for.", null, null);
            default -> new ApiException(status, type, title, title + ".", null, null);
        };
        Response.ResponseBuilder builder = problem.toResponse(path(uri), language);
        original.getHeaders().forEach((name, values) -> {
            if ("Allow".equalsIgnoreCase(name) || "WWW-Authenticate".equalsIgnoreCase(name)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    /** Anything else: 503 when the database is unreachable, 500 otherwise; details only in the log. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        Messages language = language(uri, headers);
        if (isDatabaseUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", e.toString());
            return ApiException.of(503, "service-unavailable", "Service unavailable", java.time.Duration.ofSeconds(5),
                    "problem.service-unavailable.detail").toResponse(path(uri), language).build();
        }
        if (e instanceof java.io.IOException && "Request too large".equals(e.getMessage())) {
            // Vert.x has already answered 413 to a chunked body over the limit.
            return ApiException.of(413, "payload-too-large", "Payload too large", null, "problem.payload-too-large.detail")
                    .toResponse(path(uri), language).build();
        }
        if (isMalformedMultipart(e)) {
            return ApiException.invalidField("form", MALFORMED_MULTIPART).toResponse(path(uri)).build();
        }
        if (isClientGone(e)) {
            // The client closed the connection mid-request: nobody reads this answer.
            LOG.debugf("Client went away: %s", e.toString());
            return unexpected(uri, language);
        }
        LOG.error("Unexpected failure", e);
        return unexpected(uri, language);
    }

    static final String MALFORMED_MULTIPART = "The upload is not a well-formed multipart/form-data body "
            + "(a part or the closing boundary is missing, or it has more than 1,000 parts).";

    /**
     * Quarkus REST's multipart parser reports a truncated body or too many parts as a plain IOException or
     * RuntimeException: told apart by where it was thrown.
     */
    static boolean isMalformedMultipart(Throwable e) {
        StackTraceElement[] stack = e.getStackTrace();
        return (e instanceof java.io.IOException || e.getClass() == RuntimeException.class) && stack.length > 0
                && stack[0].getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.");
    }

    static boolean isClientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.core.http.HttpClosedException
                    || t instanceof java.nio.channels.ClosedChannelException
                    || (t instanceof io.vertx.core.VertxException && "Connection was closed".equals(t.getMessage()))
                    || (t instanceof java.io.IOException && t.getMessage() != null
                            && t.getMessage().endsWith("ClosedChannelException"))) {
                return true;
            }
        }
        return false;
    }

    private static Response unexpected(UriInfo uri, Messages language) {
        return ApiException.of(500, "internal-error", "Internal server error", null, "problem.internal-error.detail")
                .toResponse(path(uri), language).build();
    }

    public static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            // The pool found no connection in time (Agroal's SQLException has no SQL state), or gave up
            // on opening one (the driver reports the interrupted login as an "unusual" failure).
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (message.contains("acquisition timeout") || message.contains("interrupted while attempting to connect")) {
                return true;
            }
        }
        return false;
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        return name == null ? "request" : name;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
