package com.newsroom.comments.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.LaunchMode;
import io.vertx.ext.web.Router;

/** The demo article page (/demo/) is for dev mode and tests; a packaged service answers 404 for it. */
@ApplicationScoped
public class DemoPageGuard {

    void hideOutsideDevAndTest(@Observes Router router) {
        LaunchMode mode = LaunchMode.current();
        if (mode == LaunchMode.DEVELOPMENT || mode == LaunchMode.TEST) {
            return;
        }
        router.routeWithRegex("/demo(/.*)?").order(Integer.MIN_VALUE + 1).handler(ctx -> ctx.response()
                .setStatusCode(404).putHeader("Content-Type", "text/plain; charset=UTF-8")
                .end("The demo page is only served in dev mode."));
    }
}
