package com.newsroom.comments.comment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.newsroom.comments.common.PagedList;
import com.newsroom.comments.config.CommentsConfig;

import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.buffer.Buffer;

/**
 * The first pages of each article's public comments, kept as ready JSON and gzipped JSON: when a story
 * breaks, thousands of readers load the same page. A change on this instance evicts the article's pages
 * once its transaction has committed; a change through another instance evicts them when its NOTIFY
 * arrives ({@link PublicPagesChannel}). The time-to-live ({@code comments.public-cache.ttl}) is the
 * safety net. The cache is bounded by bytes ({@code comments.public-cache.max-size}) of gzipped pages:
 * a page of long comments can weigh megabytes.
 */
@ApplicationScoped
public class PublicPages {

    /** Deeper pages are read rarely; caching them would let a crawler fill the memory. */
    static final int CACHED_PAGES = 5;

    /** The article's generation is part of the key: a change makes the article's cached pages unreachable at once. */
    record Key(String articleId, long generation, int page, int size) {
    }

    /**
     * One page, kept gzipped only (compressed once, when the page is made): every browser accepts gzip,
     * and a page of prose is about a third of its JSON (the benchmark's repetitive seed, a thirteenth), so
     * the cache holds several times more pages in the same memory. The rare client without gzip gets it
     * inflated. The bytes live on the heap, in a buffer that a write never releases: direct memory would
     * save a copy per response, but a replaced page's direct memory is only returned by a full collection,
     * and under a stream of new comments it grew the process by tens of megabytes.
     */
    public record Page(Buffer gzip, int jsonLength) {

        static Page of(byte[] json, int level) {
            return new Page(unreleasable(gzip(json, level)), json.length);
        }

        /** The JSON, inflated, in a buffer that every answer can send (a write never releases it). */
        Buffer plain() {
            return unreleasable(inflate());
        }

        int weight() {
            return gzip.length() + 96;
        }

        private byte[] inflate() {
            try (InputStream in = new GZIPInputStream(new ByteBufInputStream(gzip.getByteBuf()), 8192)) {
                return in.readNBytes(jsonLength);
            } catch (IOException e) {
                throw new UncheckedIOException("A page this cache gzipped itself is always readable", e);
            }
        }

        private static Buffer unreleasable(byte[] bytes) {
            // Shared by every response that sends it: a write's release() must not touch it.
            return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes).asReadOnly()));
        }

        private static byte[] gzip(byte[] bytes, int level) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
            try (GZIPOutputStream zip = new GZIPOutputStream(out, 8192) {
                {
                    def.setLevel(level);
                }
            }) {
                zip.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }

    private final AsyncCache<Key, Page> pages;
    /**
     * Inflated copies for the clients that do not accept gzip (crawlers, scripts, some proxies), made on
     * their first request and kept while their page is: inflating a 27 KB page for every such answer cut
     * them to a sixth of the gzip clients' rate. Weak keys (identity), so a page dropped from the cache
     * takes its copy along; bounded apart, at half the cache's size, as a crawler could ask for every page.
     */
    private final Cache<Page, Buffer> plainCopies;
    /** Bumped by every change of an article: a page read before a change must not be cached after it. */
    private final Cache<String, AtomicLong> generations;
    private final ObjectMapper json;
    private final boolean enabled;
    private final int gzipLevel;

    public PublicPages(CommentsConfig config, ObjectMapper json) {
        this.json = json;
        Duration ttl = config.publicCache().ttl();
        this.enabled = !ttl.isZero();
        this.gzipLevel = config.publicCache().gzipLevel();
        this.pages = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumWeight(config.publicCache().maxSize().asLongValue())
                .weigher((Key key, Page page) -> page.weight())
                .buildAsync();
        this.generations = Caffeine.newBuilder().expireAfterAccess(ttl.plusMinutes(10)).build();
        this.plainCopies = Caffeine.newBuilder()
                .weakKeys()
                .expireAfterWrite(enabled ? ttl : Duration.ofSeconds(1)) // unused when the cache is off
                .maximumWeight(config.publicCache().maxSize().asLongValue() / 2)
                .weigher((Page page, Buffer plain) -> plain.length() + 96)
                .build();
    }

    /**
     * What to send: the gzipped page as it is, or, for a client without gzip, its JSON, inflated once per
     * cached page (with the cache off, every page is read for one answer: nothing to keep).
     */
    public Buffer body(Page page, boolean gzipped) {
        if (gzipped) {
            return page.gzip();
        }
        return enabled ? plainCopies.get(page, Page::plain) : page.plain();
    }

    public boolean enabled() {
        return enabled;
    }

    /** The page if it is cached and ready, else null. Never blocks. */
    public Page cached(String articleId, int page, int size) {
        if (!enabled || page >= CACHED_PAGES) {
            return null;
        }
        AtomicLong generation = generations.getIfPresent(articleId);
        CompletableFuture<Page> cached = generation == null ? null
                : pages.getIfPresent(new Key(articleId, generation.get(), page, size));
        return cached != null && cached.isDone() && !cached.isCompletedExceptionally() ? cached.join() : null;
    }

    /**
     * The page, from the cache or from {@code loader}, which runs on a worker thread. Readers of a page
     * being loaded share that one load and wait for it without holding a thread: when a story breaks,
     * every new approved comment sends the busy article's next readers here at the same moment.
     */
    public CompletableFuture<Page> load(String articleId, int page, int size, Supplier<PagedList<PublicComment>> loader) {
        if (!enabled || page >= CACHED_PAGES) {
            return load(loader);
        }
        long generation = generation(articleId).get();
        Key key = new Key(articleId, generation, page, size);
        CompletableFuture<Page> loading = cachedLoad(key, loader);
        return loading.whenComplete((loaded, failure) -> {
            if (loaded != null && generation(articleId).get() != generation) {
                // The article changed while this page was read: it may predate the commit, do not keep it
                // (no reader would find it under the old generation; this only frees the memory sooner).
                pages.asMap().remove(key, loading);
            }
        });
    }

    /** The key's load, shared by every reader, started if there is none. */
    private CompletableFuture<Page> cachedLoad(Key key, Supplier<PagedList<PublicComment>> loader) {
        CompletableFuture<Page> loading = pages.get(key, (k, executor) -> load(loader));
        if (loading.isCompletedExceptionally()) {
            // A load that has just failed and that Caffeine has not dropped yet: this reader tries again.
            pages.asMap().remove(key, loading);
            loading = pages.get(key, (k, executor) -> load(loader));
        }
        return loading;
    }

    /** Reads and renders a page on a worker thread. */
    private CompletableFuture<Page> load(Supplier<PagedList<PublicComment>> loader) {
        return CompletableFuture.supplyAsync(() -> Page.of(write(loader.get()), gzipLevel), Infrastructure.getDefaultWorkerPool());
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicCommentsChanged change) {
        evict(change.articleId());
    }

    /**
     * Forgets the article's pages (all pages if {@code articleId} is null), including any being read now.
     * One increment, no scan of the cache (this runs for every batch of new comments): the article's old
     * pages are never read again, and the size bound and the TTL drop them. A generation outlives its
     * pages (expiry after access + 10 minutes against pages' TTL after write), so it never restarts at 0
     * while a page of an older 0 is cached.
     */
    public void evict(String articleId) {
        if (articleId == null) {
            generations.asMap().values().forEach(AtomicLong::incrementAndGet);
            pages.synchronous().invalidateAll();
        } else {
            generation(articleId).incrementAndGet();
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
