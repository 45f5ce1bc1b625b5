package com.newsroom.comments.signin;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses (403 problem details) a moderation request that the session cookie would sign in, that may
 * change something and that fails the {@link CrossSite} check, before anything else looks at it: before
 * its body is read, its media type matched or its resource run. Requests with an {@code Authorization}
 * header are not signed in by the cookie and pass; so does the sign-in itself, which checks its Origin.
 */
public class CrossSiteFilter {

    static final String MODERATION = "/api/moderation/";
    static final String SIGN_IN = "/api/moderation/session";

    @ServerRequestFilter(preMatching = true)
    public Response refuseCrossSite(HttpServerRequest request) {
        String path = request.path();
        if (path == null || !path.startsWith(MODERATION) || CrossSite.isSafe(request.method().name())
                || request.headers().contains(HttpHeaders.AUTHORIZATION) || request.getCookie(Sessions.COOKIE) == null
                || ("POST".equals(request.method().name()) && SIGN_IN.equals(path)) || CrossSite.allowed(request)) {
            return null;
        }
        return SessionAuthenticationMechanism.CROSS_SITE.toResponse(path).build();
    }
}
