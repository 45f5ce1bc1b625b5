package com.newsroom.comments.comment.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a plain HTML form post may be sent back to: only URLs on the configured origins, so the
 * service never becomes an open redirect.
 */
public class RedirectPolicy {

    private final Set<String> allowedOrigins;

    public RedirectPolicy(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream()
                .map(String::strip)
                .filter(o -> !o.isEmpty())
                .map(o -> origin(URI.create(o)))
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The URL to send the reader to after a successful post, with the comment's id and status in its query. */
    public Optional<URI> target(String redirect, long commentId, String status) {
        if (redirect == null || redirect.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(redirect.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getRawUserInfo() != null || origin(uri).filter(allowedOrigins::contains).isEmpty()) {
            return Optional.empty();
        }
        String extra = "commentId=" + commentId + "&commentStatus=" + status;
        String query = uri.getRawQuery() == null ? extra : uri.getRawQuery() + "&" + extra;
        String fragment = uri.getRawFragment() == null ? "comment-" + commentId : uri.getRawFragment();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return Optional.of(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path + "?" + query + "#" + fragment));
    }

    private static Optional<String> origin(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || uri.getHost() == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return Optional.empty();
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equalsIgnoreCase("https") ? 443 : 80;
        return Optional.of(scheme.toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    }
}
