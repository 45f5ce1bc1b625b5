package com.newsroom.comments.signin;

import java.net.URI;
import java.util.Set;

import io.vertx.core.http.HttpServerRequest;

/**
 * The cross-site request check for requests that a cookie signs in: a request that may change something
 * (anything but GET, HEAD, OPTIONS) must carry {@code X-Requested-With} (a header a cross-site form cannot
 * send, and that CORS does not allow from other origins), and, where the browser names its {@code Origin},
 * come from this service's own host.
 */
final class CrossSite {

    static final String HEADER = "X-Requested-With";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private CrossSite() {
    }

    static boolean isSafe(String method) {
        return SAFE.contains(method);
    }

    /** Whether a cookie may sign in this request. */
    static boolean allowed(HttpServerRequest request) {
        return isSafe(request.method().name())
                || request.getHeader(HEADER) != null && sameOrigin(request.getHeader("Origin"), request.getHeader("Host"));
    }

    /** No {@code Origin} (not sent), or one whose host and port are the request's {@code Host}. */
    static boolean sameOrigin(String origin, String host) {
        if (origin == null) {
            return true;
        }
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false; // "null" (sandboxed frames, file pages) and junk
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            String bare = host.endsWith(":80") || host.endsWith(":443") ? host.substring(0, host.lastIndexOf(':')) : host;
            return authority.equalsIgnoreCase(host) || authority.equalsIgnoreCase(bare);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
