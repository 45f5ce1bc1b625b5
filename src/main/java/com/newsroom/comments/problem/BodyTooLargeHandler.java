package com.newsroom.comments.problem;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.i18n.Languages;
import com.newsroom.comments.i18n.Messages;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * Limits request bodies before anything reads them: comment submissions to {@code comments.limits.body}
 * (default 256 KiB), the streamed uploads of migrations ({@link #IMPORT_UPLOAD}: WordPress, Disqus and
 * backup files sent as the body) to {@code comments.imports.max-body} (default 16 GiB), everything
 * else (word-list imports, forms' files) to {@code quarkus.http.limits.max-body-size}.
 * Vert.x would answer the latter with a bare 413; this route runs first and answers a declared over-long
 * body with problem details, like every other error. A form-encoded submission may be up to three times
 * the limit on the wire, since percent-encoding triples bytes; its decoded fields are held to the limit
 * itself when parsed. (A chunked body over the hard limit still gets Vert.x's 413; a chunked comment
 * under it meets the field length limits.)
 * <p>
 * Quarkus applies {@code max-body-size} to every route alike (a router-wide route that refuses a larger
 * declared length, and the same limit handed to the request's input stream), with no per-route setting.
 * For a migration upload this route checks the declared length against the import limit itself, then
 * takes the length off the request's headers so that Quarkus's check does not see it, and a later route
 * hands the import limit to the input stream, which enforces it on the bytes as they are read (chunked
 * or not). The body is never held in memory: the resource reads it as a stream into a temporary file.
 */
@ApplicationScoped
public class BodyTooLargeHandler {

    static final String PUBLIC_API = "/api/articles/";
    static final String FORM = "application/x-www-form-urlencoded";
    /** Percent-encoding turns each byte into at most three: a form may be that much larger on the wire. */
    public static final int FORM_ENCODING_FACTOR = 3;
    /** Uploads of migration files as the request's body (not as a form, which Quarkus holds to max-body-size). */
    static final Pattern IMPORT_UPLOAD = Pattern.compile("/api/moderation/imports/(wordpress|disqus|backup)/?");
    /** Where Quarkus's input stream reads the request's size limit from. */
    static final String QUARKUS_REQUEST_LIMIT = "io.quarkus.max-request-size";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Inject
    CommentsConfig config;

    @Inject
    Languages languages;

    void install(@Observes Router router) {
        long hardLimit = maxBodySize.asLongValue();
        long commentLimit = Math.min(hardLimit, config.limits().body().asLongValue());
        long formLimit = Math.min(hardLimit, FORM_ENCODING_FACTOR * commentLimit);
        long importLimit = config.imports().maxBody().asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            boolean upload = isImportUpload(ctx.request());
            long limit = upload ? importLimit : !ctx.request().path().startsWith(PUBLIC_API) ? hardLimit
                    : isForm(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)) ? formLimit : commentLimit;
            if (declared != null && exceeds(declared, limit)) {
                String path = ctx.request().path();
                Messages language = Languages.isPublic(path)
                        ? languages.choose(ctx.request().getParam("lang"), ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE))
                        : null;
                Problem problem = ApiException.payloadTooLarge(limit).toProblem(path, language);
                if (language != null) {
                    ctx.response().putHeader(HttpHeaders.CONTENT_LANGUAGE, language.language());
                }
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Json.encode(problem));
                return;
            }
            if (upload && declared != null) {
                ctx.request().headers().remove(HttpHeaders.CONTENT_LENGTH);
            }
            ctx.next();
        });
        // After Quarkus's own route (order -2), which hands max-body-size to the input stream.
        router.route().order(-1).handler(ctx -> {
            if (isImportUpload(ctx.request())) {
                ctx.put(QUARKUS_REQUEST_LIMIT, importLimit);
            }
            ctx.next();
        });
    }

    static boolean isImportUpload(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return request.method() == HttpMethod.POST && IMPORT_UPLOAD.matcher(request.path()).matches()
                && (type == null || !type.regionMatches(true, 0, "multipart/", 0, "multipart/".length()));
    }

    /** A form's percent-encoding takes up to three bytes per byte; its decoded size is checked after parsing. */
    static boolean isForm(String contentType) {
        return contentType != null && contentType.regionMatches(true, 0, FORM, 0, FORM.length());
    }

    private static boolean exceeds(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x rejects a malformed header itself
        }
    }
}
