package com.newsroom.comments.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * Vert.x refuses an over-long body (quarkus.http.limits.max-body-size) with a bare 413 before any
 * JAX-RS code runs. This route runs first and answers a declared over-long body with problem details,
 * like every other error. (A chunked body without Content-Length still gets Vert.x's bare 413.)
 */
@ApplicationScoped
public class BodyTooLargeHandler {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
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
