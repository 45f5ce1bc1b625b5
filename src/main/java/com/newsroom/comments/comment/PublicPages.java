package com.newsroom.comments.comment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.newsroom.comments.common.PagedList;
import com.newsroom.comments.config.CommentsConfig;

/**
 * The first pages of each article's public comments, kept as ready JSON: when a story breaks, thousands
 * of readers load the same page. A change on this instance evicts the article's pages once its
 * transaction has committed; a change made through another instance shows after at most the
 * time-to-live ({@code comments.public-cache.ttl}).
 */
@ApplicationScoped
public class PublicPages {

    /** Deeper pages are read rarely; caching them would let a crawler fill the memory. */
    static final int CACHED_PAGES = 5;

    private final Cache<String, Map<Long, byte[]>> articles;
    private final ObjectMapper json;
    private final boolean enabled;

    public PublicPages(CommentsConfig config, ObjectMapper json) {
        this.json = json;
        this.enabled = !config.publicCache().ttl().isZero();
        // Bounded by bytes, not entries: one busy article's pages weigh a hundred kilobytes or more.
        this.articles = Caffeine.newBuilder()
                .expireAfterWrite(config.publicCache().ttl())
                .maximumWeight(config.publicCache().maxSize().asLongValue())
                .weigher((String id, Map<Long, byte[]> pages) -> weight(pages))
                .build();
    }

    /** The page as JSON if it is cached, else null. Never blocks. */
    public byte[] cached(String articleId, int page, int size) {
        if (!enabled || page >= CACHED_PAGES) {
            return null;
        }
        Map<Long, byte[]> pages = articles.getIfPresent(articleId);
        return pages == null ? null : pages.get(key(page, size));
    }

    /** The page as JSON, from the cache or from {@code loader}. */
    public byte[] page(String articleId, int page, int size, Supplier<PagedList<PublicComment>> loader) {
        if (!enabled || page >= CACHED_PAGES) {
            return write(loader.get());
        }
        // Taken before reading: an eviction after our read (a commit) detaches this map, so a page read
        // before that commit is never served afterwards.
        Map<Long, byte[]> pages = articles.get(articleId, id -> new ConcurrentHashMap<>());
        byte[] json = pages.computeIfAbsent(key(page, size), key -> write(loader.get()));
        // Caffeine weighs an entry when it is written: write it again (only if it is still the
        // article's current map) so that the new page counts against the limit.
        articles.asMap().replace(articleId, pages, pages);
        return json;
    }

    private static int weight(Map<Long, byte[]> pages) {
        long bytes = 64;
        for (byte[] page : pages.values()) {
            bytes += page.length + 32;
        }
        return (int) Math.min(bytes, Integer.MAX_VALUE);
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicCommentsChanged change) {
        if (change.articleId() == null) {
            articles.invalidateAll();
        } else {
            articles.invalidate(change.articleId());
        }
    }

    private static long key(int page, int size) {
        return ((long) page << 32) | size;
    }

    private byte[] write(PagedList<PublicComment> page) {
        try {
            return json.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A page of comments is always serialisable", e);
        }
    }
}
