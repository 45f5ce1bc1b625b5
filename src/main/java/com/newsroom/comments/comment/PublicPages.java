package com.newsroom.comments.comment;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
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
 * time-to-live ({@code comments.public-cache.ttl}). The cache is bounded by bytes
 * ({@code comments.public-cache.max-size}): a page of long comments can weigh megabytes.
 */
@ApplicationScoped
public class PublicPages {

    /** Deeper pages are read rarely; caching them would let a crawler fill the memory. */
    static final int CACHED_PAGES = 5;

    record Key(String articleId, int page, int size) {
    }

    private final Cache<Key, byte[]> pages;
    /** Bumped by every change of an article: a page read before a change must not be cached after it. */
    private final Cache<String, AtomicLong> generations;
    private final ObjectMapper json;
    private final boolean enabled;

    public PublicPages(CommentsConfig config, ObjectMapper json) {
        this.json = json;
        Duration ttl = config.publicCache().ttl();
        this.enabled = !ttl.isZero();
        this.pages = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumWeight(config.publicCache().maxSize().asLongValue())
                .weigher((Key key, byte[] page) -> page.length + 96)
                .build();
        this.generations = Caffeine.newBuilder().expireAfterAccess(ttl.plusMinutes(10)).build();
    }

    /** The page as JSON if it is cached, else null. Never blocks. */
    public byte[] cached(String articleId, int page, int size) {
        return enabled && page < CACHED_PAGES ? pages.getIfPresent(new Key(articleId, page, size)) : null;
    }

    /** The page as JSON, from the cache or from {@code loader}. */
    public byte[] page(String articleId, int page, int size, Supplier<PagedList<PublicComment>> loader) {
        if (!enabled || page >= CACHED_PAGES) {
            return write(loader.get());
        }
        Key key = new Key(articleId, page, size);
        long generation = generation(articleId).get();
        // One load per page at a time (Caffeine blocks other callers of the same key meanwhile).
        byte[] json = pages.get(key, k -> write(loader.get()));
        if (generation(articleId).get() != generation) {
            // The article changed while this page was read: it may predate the commit, do not keep it.
            pages.asMap().remove(key, json);
        }
        return json;
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicCommentsChanged change) {
        if (change.articleId() == null) {
            generations.asMap().values().forEach(AtomicLong::incrementAndGet);
            pages.invalidateAll();
        } else {
            generation(change.articleId()).incrementAndGet();
            pages.asMap().keySet().removeIf(key -> key.articleId().equals(change.articleId()));
        }
    }

    private AtomicLong generation(String articleId) {
        return generations.get(articleId, id -> new AtomicLong());
    }

    private byte[] write(PagedList<PublicComment> page) {
        try {
            return json.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A page of comments is always serialisable", e);
        }
    }
}
