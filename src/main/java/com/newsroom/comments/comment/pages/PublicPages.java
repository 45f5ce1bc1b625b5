package com.newsroom.comments.comment.pages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.newsroom.comments.comment.PublicCommentsChanged;
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
 * <p>
 * Freshness ({@code comments.public-cache.freshness}, F): when a story breaks, new comments arrive on its
 * article many times a second, and reloading its page for each one sent its readers to the database and
 * the compressor instead of the cache. So a change that only adds approved comments ({@link
 * PublicCommentsChanged#added()}, and every change announced by another instance) leaves the previous page
 * servable: readers get it while it was read less than F ago, and one reload per page runs in the background
 * once it is F/2 old. A page older than F is never served after a change: that reader waits for the reload.
 * Since a page read at time r shows every change committed before r, every reader sees a change within F
 * of its commit (plus, on other instances, the NOTIFY's delay). Any other change of this instance (a removal,
 * an edit, a moderator's decision) makes the previous pages unservable at once. The author of a new comment
 * is not made to wait: {@code comment.api} reads their next page around the cache.
 */
@ApplicationScoped
public class PublicPages {

    /**
     * Set by a submission whose comment is published, on the path of its article's list, for the freshness
     * window and a second: its author's reads of that list skip the cache (read-your-writes).
     */
    public static final String AUTHOR_COOKIE = "comments_author";

    /** Deeper pages are read rarely; caching them would let a crawler fill the memory. */
    static final int CACHED_PAGES = 5;

    /** Slots whose latest page is remembered; past this, the least used lose only the reuse of their items. */
    private static final int LATEST_SLOTS = 100_000;

    /** How a page with no items starts when they are its first property. */
    private static final byte[] ITEMS_FIRST = "{\"items\":[]".getBytes(StandardCharsets.US_ASCII);

    /** The article's generation is part of the key: a change makes the article's cached pages unreachable at once. */
    record Key(String articleId, long generation, int page, int size) {

        Slot slot() {
            return new Slot(articleId, page, size);
        }
    }

    /** A page's place, whatever the article's generation: where a reload finds the page it replaces. */
    record Slot(String articleId, int page, int size) {
    }

    /** A slot's latest page, and when its read began ({@link System#nanoTime()}): it shows every change committed before. */
    record Latest(Key key, long readAt) {
    }

    /**
     * An article's generation, bumped by every change, and the lowest generation whose pages may still be
     * served after a change (raised by the changes that must show at once).
     */
    static final class Generation {
        final AtomicLong current = new AtomicLong();
        final AtomicLong servable = new AtomicLong();
    }

    /** Reads a page from the database (PublicCommentReader), for the background reloads. */
    @FunctionalInterface
    public interface Source {
        PagedList<PublicComment> approvedPage(String articleId, int page, int size);
    }

    /**
     * One page, kept gzipped only (compressed once, when the page is made): every browser accepts gzip,
     * and a page of prose compresses to a fraction of its JSON, so
     * the cache holds several times more pages in the same memory. The rare client without gzip gets it
     * inflated. The bytes live on the heap, in a buffer that a write never releases: direct memory would
     * save a copy per response, but a replaced page's direct memory is only returned by a full collection,
     * so under a stream of new comments it would grow the process.
     * <p>
     * The gzip holds two deflate segments, each compressed on its own: the JSON up to the end of its items,
     * then the rest (page, size, total). The list is oldest first, so a new comment on an article with a
     * full first page changes only that page's total: its reload reuses the compressed items of the page
     * it replaces ({@code itemsDigest}, SHA-256, tells that they are the same bytes) and compresses the few
     * bytes after them. Each approved comment on a busy article reloads its page, and compression is most
     * of a reload's CPU.
     *
     * @param gzip the whole gzip member (RFC 1952)
     * @param jsonLength the JSON's length in bytes
     * @param itemsDigest SHA-256 of the first segment's JSON
     * @param itemsDeflated the first segment's length in {@code gzip}, after the header
     */
    public record Page(Buffer gzip, int jsonLength, byte[] itemsDigest, int itemsDeflated) {

        private static final byte[] GZIP_HEADER = { 0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff };

        /**
         * The page {@code items} then {@code rest} (its JSON in two parts), reusing the compressed items of
         * {@code previous} when they are the same bytes.
         */
        static Page of(byte[] items, byte[] rest, int level, Page previous) {
            byte[] digest = sha256(items);
            ByteArrayOutputStream out = new ByteArrayOutputStream(items.length / 3 + rest.length + 64);
            out.writeBytes(GZIP_HEADER);
            int itemsDeflated;
            if (previous != null && Arrays.equals(digest, previous.itemsDigest)) {
                itemsDeflated = previous.itemsDeflated;
                out.writeBytes(previous.gzip.getBytes(GZIP_HEADER.length, GZIP_HEADER.length + itemsDeflated));
            } else {
                itemsDeflated = deflate(items, level, false, out);
            }
            deflate(rest, level, true, out);
            CRC32 crc = new CRC32();
            crc.update(items);
            crc.update(rest);
            int length = items.length + rest.length;
            writeIntLittleEndian(out, (int) crc.getValue());
            writeIntLittleEndian(out, length);
            return new Page(unreleasable(out.toByteArray()), length, digest, itemsDeflated);
        }

        /** The JSON, inflated, in a buffer that every answer can send (a write never releases it). */
        Buffer plain() {
            return unreleasable(inflate());
        }

        int weight() {
            return gzip.length() + 128;
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

        /**
         * Raw deflate of {@code input} by a compressor of its own (no back-reference into another segment),
         * ending the stream ({@code last}) or with a sync flush, which leaves the output byte-aligned with no
         * final block, so that another segment can follow (RFC 1951). Returns the bytes written.
         */
        private static int deflate(byte[] input, int level, boolean last, ByteArrayOutputStream out) {
            Deflater deflater = new Deflater(level, true);
            try {
                deflater.setInput(input);
                if (last) {
                    deflater.finish();
                }
                byte[] buffer = new byte[Math.min(8192, input.length / 2 + 64)];
                int written = 0;
                while (true) {
                    int n = deflater.deflate(buffer, 0, buffer.length, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                    out.write(buffer, 0, n);
                    written += n;
                    if (last ? deflater.finished() : n < buffer.length) {
                        return written;
                    }
                }
            } finally {
                deflater.end(); // zlib's state is native memory: free it now, not when a collection finds it
            }
        }

        private static byte[] sha256(byte[] bytes) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(bytes);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java platform has SHA-256", e);
            }
        }

        private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
            out.write(value);
            out.write(value >>> 8);
            out.write(value >>> 16);
            out.write(value >>> 24);
        }
    }

    private final AsyncCache<Key, Page> pages;
    /**
     * Inflated copies for the clients that do not accept gzip (crawlers, scripts, some proxies), made on
     * their first request and kept while their page is: inflating a page for every such answer would cost
     * each of them far more than a gzip client's answer. Weak keys (identity), so a page dropped from the cache
     * takes its copy along; bounded apart, at half the cache's size, as a crawler could ask for every page.
     */
    private final Cache<Page, Buffer> plainCopies;
    /**
     * The key of each slot's latest page: the slot's next reload reuses that page's compressed items, then
     * drops it from the cache. Each change gives an article's pages new keys; the old pages, which no
     * reader can reach any more, would otherwise stay until the size bound pushed them out: under a stream
     * of comments they would fill the cache and push out pages that readers still ask for.
     */
    private final Cache<Slot, Latest> latest;
    /** Bumped by every change of an article: a page read before a change must not be cached after it. */
    private final Cache<String, Generation> generations;
    /** The slots whose background reload runs now: one at a time each. */
    private final Set<Slot> reloading = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json;
    private final Source source;
    private final boolean enabled;
    private final int gzipLevel;
    private final long freshnessNanos;

    public PublicPages(CommentsConfig config, ObjectMapper json, Source source) {
        this.json = json;
        this.source = source;
        Duration ttl = config.publicCache().ttl();
        this.enabled = !ttl.isZero();
        this.gzipLevel = config.publicCache().gzipLevel();
        this.freshnessNanos = config.publicCache().freshness().toNanos();
        this.pages = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumWeight(config.publicCache().maxSize().asLongValue())
                .weigher((Key key, Page page) -> page.weight())
                .buildAsync();
        this.generations = Caffeine.newBuilder().expireAfterAccess(ttl.plusMinutes(10)).build();
        this.latest = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(LATEST_SLOTS).build();
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

    /** How long the {@link #AUTHOR_COOKIE} lasts: the freshness window rounded up, and a second for other instances' NOTIFY. */
    public int authorCookieSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, (freshnessNanos + 999_999_999L) / 1_000_000_000L + 1);
    }

    /** The page read now and rendered on a worker thread, neither taken from the cache nor kept in it. */
    public CompletableFuture<Page> uncached(Supplier<PagedList<PublicComment>> loader) {
        return load(loader);
    }

    /** How many pages the cache holds, reachable or not. */
    long cachedPages() {
        pages.synchronous().cleanUp();
        return pages.synchronous().estimatedSize();
    }

    /**
     * The page if it is cached and ready, else null. Never blocks. After a change that may show within the
     * freshness window, the previous page while it was read less than that ago, and from half of it a reload
     * in the background (see the class's comment).
     */
    public Page cached(String articleId, int page, int size) {
        if (!enabled || page >= CACHED_PAGES) {
            return null;
        }
        Generation generation = generations.getIfPresent(articleId);
        if (generation == null) {
            return null;
        }
        Page current = ready(pages.getIfPresent(new Key(articleId, generation.current.get(), page, size)));
        return current != null ? current : previous(generation, new Slot(articleId, page, size));
    }

    /** The slot's latest page if it may still be served after the changes since its read, else null. */
    private Page previous(Generation generation, Slot slot) {
        Latest previous = freshnessNanos == 0 ? null : latest.getIfPresent(slot);
        if (previous == null || previous.key().generation() < generation.servable.get()) {
            return null;
        }
        long age = System.nanoTime() - previous.readAt();
        Page page = age < freshnessNanos ? ready(pages.getIfPresent(previous.key())) : null;
        if (page != null && age >= freshnessNanos / 2 && source != null && reloading.add(slot)) {
            load(slot.articleId(), slot.page(), slot.size(), () -> source.approvedPage(slot.articleId(), slot.page(), slot.size()))
                    .whenComplete((loaded, failure) -> reloading.remove(slot));
        }
        return page;
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
        // A page read while the article changes stays under the generation it began with: never served as
        // current after the change, but it may be the previous page of the freshness window (its read time is
        // what bounds how late it is); the slot's next page drops it.
        return cachedLoad(new Key(articleId, generation(articleId).current.get(), page, size), loader);
    }

    /** The key's load, shared by every reader, started if there is none. */
    private CompletableFuture<Page> cachedLoad(Key key, Supplier<PagedList<PublicComment>> loader) {
        CompletableFuture<Page> loading = pages.get(key, (k, executor) -> replacing(key, loader));
        if (loading.isCompletedExceptionally()) {
            // A load that has just failed and that Caffeine has not dropped yet: this reader tries again.
            pages.asMap().remove(key, loading);
            loading = pages.get(key, (k, executor) -> replacing(key, loader));
        }
        return loading;
    }

    /** The key's page, made from its slot's latest page (reusing its items if unchanged), which it then replaces. */
    private CompletableFuture<Page> replacing(Key key, Supplier<PagedList<PublicComment>> loader) {
        // All of it on the worker thread: this method runs inside the cache's update of the key, where
        // touching another key could be a recursive update of the cache's map (seen under load when the
        // work was chained after the load and the load had already finished).
        return CompletableFuture.supplyAsync(() -> {
            Slot slot = key.slot();
            Latest previous = latest.getIfPresent(slot);
            long readAt = System.nanoTime();
            Page page = render(loader.get(), previous == null ? null : ready(pages.getIfPresent(previous.key())));
            Key replaced = replaceLatest(slot, new Latest(key, readAt));
            if (replaced != null) {
                pages.synchronous().invalidate(replaced);
            }
            return page;
        }, Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Makes {@code key} its slot's latest unless a newer generation's page already is; returns the key
     * of the two whose page no reader can reach any more, or null.
     */
    private Key replaceLatest(Slot slot, Latest page) {
        Key key = page.key();
        Key[] stale = new Key[1];
        latest.asMap().compute(slot, (s, current) -> {
            if (current == null || current.key().generation() < key.generation()) {
                stale[0] = current == null ? null : current.key();
                return page;
            }
            if (current.key().generation() > key.generation()) {
                stale[0] = key; // read before a change that a newer page already shows
            }
            return current;
        });
        return stale[0];
    }

    /** Reads and renders a page that is not cached on a worker thread. */
    private CompletableFuture<Page> load(Supplier<PagedList<PublicComment>> loader) {
        return CompletableFuture.supplyAsync(() -> render(loader.get(), null), Infrastructure.getDefaultWorkerPool());
    }

    private static Page ready(CompletableFuture<Page> page) {
        return page != null && page.isDone() && !page.isCompletedExceptionally() ? page.join() : null;
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicCommentsChanged change) {
        evict(change.articleId(), change.added());
    }

    /** Forgets the article's pages at once (all pages if {@code articleId} is null). */
    public void evict(String articleId) {
        evict(articleId, false);
    }

    /**
     * Forgets the article's pages (all pages if {@code articleId} is null), including any being read now:
     * at once, or with {@code withinFreshness} keeping the previous ones servable for the freshness window.
     * One increment, no scan of the cache (this runs for every batch of new comments): the article's old
     * pages are never read as current again; the next load of each slot drops its old page, the size bound
     * and the TTL the others. A generation outlives its pages (expiry after access + 10 minutes against
     * pages' TTL after write), so it never restarts at 0 while a page of an older 0 is cached.
     */
    public void evict(String articleId, boolean withinFreshness) {
        if (articleId == null) {
            generations.asMap().values().forEach(g -> g.servable.accumulateAndGet(g.current.incrementAndGet(), Math::max));
            pages.synchronous().invalidateAll();
        } else {
            Generation generation = generation(articleId);
            if (!withinFreshness) {
                // Raised before the bump, so no reader finds the new generation with the old pages still servable.
                generation.servable.accumulateAndGet(generation.current.get() + 1, Math::max);
            }
            generation.current.incrementAndGet();
        }
    }

    private Generation generation(String articleId) {
        return generations.get(articleId, id -> new Generation());
    }

    /**
     * The page's JSON as Jackson writes it, in two parts: up to the end of its items, and the rest. The
     * rest is cut from the same page written with no items, so both parts come from PagedList's own
     * serialisation; were the items not its first property, the whole JSON is the first part.
     */
    Page render(PagedList<PublicComment> page, Page previous) {
        try {
            byte[] rest = json.writeValueAsBytes(new PagedList<>(List.of(), page.page(), page.size(), page.totalItems()));
            if (!startsWith(rest, ITEMS_FIRST)) {
                return Page.of(json.writeValueAsBytes(page), new byte[0], gzipLevel, previous);
            }
            ByteArrayOutputStream items = new ByteArrayOutputStream(8192);
            items.write(rest, 0, ITEMS_FIRST.length - 2); // {"items":
            json.writeValue(items, page.items());
            return Page.of(items.toByteArray(), Arrays.copyOfRange(rest, ITEMS_FIRST.length, rest.length), gzipLevel, previous);
        } catch (IOException e) {
            throw new IllegalStateException("A page of comments is always serialisable", e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
