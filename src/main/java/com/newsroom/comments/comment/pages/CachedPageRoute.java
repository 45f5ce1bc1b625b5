package com.newsroom.comments.comment.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.newsroom.comments.article.ArticleIds;
import com.newsroom.comments.common.Paging;
import com.newsroom.comments.common.RequestIds;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;

/**
 * Answers a cached public page straight from the HTTP layer, before the JAX-RS pipeline: when a story
 * breaks, nearly every read is a hit on the same few pages. Anything else — a miss, an invalid article
 * id or paging, a reader with the {@link PublicPages#AUTHOR_COOKIE} — falls through to the public API's resource ({@code comment.api}), which loads, caches,
 * validates and answers.
 * It runs after Quarkus's own filters (CORS, security) like any route. The page goes out gzipped if the
 * client accepts gzip (compressed once, when cached; {@code quarkus.http.enable-compression} stays off),
 * with {@code Vary: Accept-Encoding} either way, like the resource's answers.
 */
@ApplicationScoped
public class CachedPageRoute {

    void install(@Observes Router router, PublicPages pages) {
        router.get("/api/articles/:articleId/comments").handler(ctx -> {
            String articleId = ctx.pathParam("articleId");
            Paging paging = Paging.parseOrNull(ctx.request().getParam("page"), ctx.request().getParam("size"), 20);
            // The author of a comment just published reads through the resource, around the cache.
            PublicPages.Page page = paging == null || !ArticleIds.isValid(articleId) || isAuthor(ctx.request()) ? null
                    : pages.cached(articleId, paging.page(), paging.size());
            if (page == null) {
                ctx.next();
                return;
            }
            boolean gzip = Gzip.accepted(ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING));
            String requestId = ctx.request().getHeader(RequestIds.HEADER);
            HttpServerResponse response = ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                    .putHeader(RequestIds.HEADER, RequestIds.isSafe(requestId) ? requestId : RequestIds.newId());
            response.headers().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            if (gzip) {
                response.putHeader(HttpHeaders.CONTENT_ENCODING, Gzip.CODING);
            }
            response.end(pages.body(page, gzip));
        });
    }

    /**
     * Whether the request carries the {@link PublicPages#AUTHOR_COOKIE}. Most readers send no Cookie header
     * at all: for them, one header look-up, without the cookie jar that Vert.x would otherwise make (and lock
     * the connection for) on every cached answer.
     */
    static boolean isAuthor(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.COOKIE);
        return header != null && header.contains(PublicPages.AUTHOR_COOKIE) && request.getCookie(PublicPages.AUTHOR_COOKIE) != null;
    }
}
