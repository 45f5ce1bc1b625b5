package com.newsroom.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.newsroom.comments.article.ArticleIds;
import com.newsroom.comments.common.Paging;
import com.newsroom.comments.common.RequestIds;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

/**
 * Answers a cached public page straight from the HTTP layer, before the JAX-RS pipeline: when a story
 * breaks, nearly every read is a hit on the same few pages. Anything else — a miss, an invalid article
 * id or paging — falls through to {@link CommentResource}, which loads, caches, validates and answers.
 * It runs after Quarkus's own filters (CORS, security) like any route.
 */
@ApplicationScoped
public class CachedPageRoute {

    void install(@Observes Router router, PublicPages pages) {
        router.get("/api/articles/:articleId/comments").handler(ctx -> {
            String articleId = ctx.pathParam("articleId");
            Paging paging = Paging.parseOrNull(ctx.request().getParam("page"), ctx.request().getParam("size"), 20);
            byte[] json = paging == null || !ArticleIds.isValid(articleId) ? null
                    : pages.cached(articleId, paging.page(), paging.size());
            if (json == null) {
                ctx.next();
                return;
            }
            String requestId = ctx.request().getHeader(RequestIds.HEADER);
            ctx.response()
                    .putHeader("Content-Type", "application/json;charset=UTF-8")
                    .putHeader(RequestIds.HEADER, RequestIds.isSafe(requestId) ? requestId : RequestIds.newId())
                    .end(Buffer.buffer(json));
        });
    }
}
