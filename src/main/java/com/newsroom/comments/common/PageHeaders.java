package com.newsroom.comments.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;

/**
 * Headers of the pages and assets the service serves itself. The moderation console (and its scripts and
 * style) can never be framed by another site ({@code frame-ancestors 'none'}, {@code X-Frame-Options:
 * DENY}: no click-jacking of moderators' decisions), and runs under a strict Content-Security-Policy: scripts,
 * style sheets, images and connections from this origin only, no inline script or style, no {@code eval},
 * no plugins, no {@code <base>}, forms posting only here; so markup that ever slipped into the page could
 * neither run nor send anything elsewhere. The moderation console and the widget's assets are
 * revalidated on every use ({@code Cache-Control: no-cache}: a 304 while unchanged, since Quarkus
 * answers {@code If-Modified-Since}), so a fixed page or widget is picked up at once, instead of the
 * day-long {@code public, immutable} Quarkus gives static resources.
 */
@ApplicationScoped
public class PageHeaders {

    static final String MODERATION = "/moderation";
    static final String WIDGET = "/widget/";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    static final String REVALIDATE = "no-cache";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(ctx -> {
            String path = ctx.request().path();
            boolean moderation = path.startsWith(MODERATION);
            if (moderation || path.startsWith(WIDGET)) {
                // At the end, so that the static handler's own Cache-Control is replaced.
                ctx.addHeadersEndHandler(ignored -> {
                    MultiMap headers = ctx.response().headers();
                    headers.set("Cache-Control", REVALIDATE);
                    if (moderation) {
                        headers.set("Content-Security-Policy", CSP);
                        headers.set("X-Frame-Options", "DENY");
                    }
                });
            }
            ctx.next();
        });
    }
}
