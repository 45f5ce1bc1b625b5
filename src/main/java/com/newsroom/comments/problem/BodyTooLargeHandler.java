package com.newsroom.comments.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.newsroom.comments.config.CommentsConfig;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * Limits request bodies before anything reads them: comment submissions to {@code comments.limits.body}
 * (default 256 KiB), everything else (word-list imports) to {@code quarkus.http.limits.max-body-size}.
 * Vert.x would answer the latter with a bare 413; this route runs first and answers a declared over-long
 * body with problem details, like every other error. (A chunked body over the hard limit still gets
 * Vert.x's 413; a chunked comment under it meets the field length limits.)
 */
@ApplicationScoped
public class BodyTooLargeHandler {

    static final String PUBLIC_API = "/api/articles/";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Inject
    CommentsConfig config;

    void install(@Observes Router router) {
        long hardLimit = maxBodySize.asLongValue();
        long commentLimit = Math.min(hardLimit, config.limits().body().asLongValue());
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long limit = ctx.request().path().startsWith(PUBLIC_API) ? commentLimit : hardLimit;
            if (declared != null && exceeds(declared, limit)) {
                Problem problem = new ApiException(413, "payload-too-large", "Payload too large",
                        "The request body is larger than the " + (limit / 1024) + " KiB this service accepts.",
                        null, null).toProblem(ctx.request().path());
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Json.encode(problem));
                return;
            }
            ctx.next();
        });
    }

    private static boolean exceeds(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x rejects a malformed header itself
        }
    }
}
