package com.newsroom.comments.comment.pages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.newsroom.comments.common.PagedList;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.comment.PublicCommentsChanged;

import io.quarkus.runtime.configuration.MemorySize;

/** The public page cache, without Quarkus: what is cached, what is not, and what evicts it. */
class PublicPagesTest {

    static CommentsConfig config(Duration ttl) {
        return config(ttl, 4);
    }

    static CommentsConfig config(Duration ttl, int gzipLevel) {
        return config(ttl, gzipLevel, true);
    }

    static CommentsConfig config(Duration ttl, int gzipLevel, boolean listen) {
        return config(ttl, gzipLevel, listen, Duration.ofSeconds(1));
    }

    static CommentsConfig config(Duration ttl, int gzipLevel, boolean listen, Duration freshness) {
        // Proxies keep implementations of the config interfaces out of the classes that Quarkus's build
        // indexes for this module's @QuarkusTests (an anonymous one, of a constrained method, broke that build).
        CommentsConfig.PublicCache cache = values(CommentsConfig.PublicCache.class, Map.of("ttl", ttl,
                "maxSize", new MemorySize(BigInteger.valueOf(1 << 20)), "listen", listen, "gzipLevel", gzipLevel,
                "freshness", freshness));
        return values(CommentsConfig.class, Map.of("publicCache", cache));
    }

    /** A configuration interface answering from {@code values}; any other method throws. */
    static <T> T values(Class<T> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            if (!values.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return values.get(method.getName());
        }));
    }

    final AtomicInteger loads = new AtomicInteger();
    final PublicPages pages = new PublicPages(config(Duration.ofMinutes(1)),
            new ObjectMapper().registerModule(new JavaTimeModule()), null);

    PagedList<PublicComment> load(String text) {
        loads.incrementAndGet();
        return new PagedList<>(List.of(new PublicComment(1, null, "Zoë", null, text, Instant.EPOCH)), 0, 20, 1);
    }

    @Test
    void readersOfAPageBeingLoadedShareOneLoadWithoutHoldingAThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<PublicPages.Page> first = pages.load("slow", 0, 20, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return load("one");
        });
        CompletableFuture<PublicPages.Page> second = pages.load("slow", 0, 20, () -> load("two"));
        assertFalse(second.isDone(), "the second reader waits for the first load");
        assertNull(pages.cached("slow", 0, 20), "a page being loaded is not served as cached");
        release.countDown();
        assertSame(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS));
        assertEquals(1, loads.get());
    }

    @Test
    void aFailedLoadIsAnsweredAsAFailureAndNotKept() {
        CompletableFuture<PublicPages.Page> failed = pages.load("down", 0, 20, () -> {
            throw new IllegalStateException("database unavailable");
        });
        CompletionException e = assertThrows(
                CompletionException.class, failed::join);
        assertEquals("database unavailable", e.getCause().getMessage());
        assertNull(pages.cached("down", 0, 20));
        assertTrue(pages.load("down", 0, 20, () -> load("back")).join().jsonLength() > 0, "the next reader loads it again");
        assertEquals(1, loads.get());
    }

    @Test
    void aPageIsLoadedOnceThenServedFromTheCache() {
        assertNull(pages.cached("a", 0, 20));
        PublicPages.Page first = pages.load("a", 0, 20, () -> load("one")).join();
        assertSame(first, pages.load("a", 0, 20, () -> load("two")).join());
        assertSame(first, pages.cached("a", 0, 20));
        assertEquals(1, loads.get());
        // Another size is another page; another article is another entry.
        pages.load("a", 0, 10, () -> load("three")).join();
        pages.load("b", 0, 20, () -> load("four")).join();
        assertEquals(3, loads.get());
    }

    @Test
    void aChangeEvictsTheArticlesPagesOnly() {
        pages.load("a", 0, 20, () -> load("one")).join();
        pages.load("a", 1, 20, () -> load("one")).join();
        pages.load("b", 0, 20, () -> load("one")).join();
        pages.onChange(new PublicCommentsChanged("a"));
        assertNull(pages.cached("a", 0, 20));
        assertNull(pages.cached("a", 1, 20));
        assertNotNull(pages.cached("b", 0, 20));
        pages.onChange(PublicCommentsChanged.ALL);
        assertNull(pages.cached("b", 0, 20));
    }

    @Test
    void deepPagesAndADisabledCacheAreNeverCached() {
        pages.load("a", PublicPages.CACHED_PAGES, 20, () -> load("deep")).join();
        assertNull(pages.cached("a", PublicPages.CACHED_PAGES, 20));
        PublicPages off = new PublicPages(config(Duration.ZERO), new ObjectMapper().registerModule(new JavaTimeModule()), null);
        off.load("a", 0, 20, () -> load("x")).join();
        off.load("a", 0, 20, () -> load("x")).join();
        assertNull(off.cached("a", 0, 20));
        assertEquals(3, loads.get());
    }

    @Test
    void clientsWithoutGzipGetTheJsonInflatedOnceAndSharedByEveryAnswer() {
        PublicPages.Page page = pages.load("a", 0, 20, () -> load("For a client that does not accept gzip")).join();
        byte[] json = page.plain().getBytes();
        io.vertx.core.buffer.Buffer first = pages.body(page, false);
        assertArrayEquals(json, first.getBytes());
        for (int i = 0; i < 3; i++) {
            pages.body(page, false).getByteBuf().release(); // what Vert.x does per write
        }
        assertSame(first, pages.body(page, false), "inflated once, then shared");
        assertArrayEquals(json, pages.body(page, false).getBytes(), "still whole after the writes");
        assertSame(page.gzip(), pages.body(page, true), "gzip clients get the cached bytes as they are");

        PublicPages off = new PublicPages(config(Duration.ZERO), new ObjectMapper().registerModule(new JavaTimeModule()), null);
        PublicPages.Page once = off.load("a", 0, 20, () -> load("Read for one answer")).join();
        assertArrayEquals(once.plain().getBytes(), off.body(once, false).getBytes());
        org.junit.jupiter.api.Assertions.assertNotSame(off.body(once, false), off.body(once, false),
                "with the cache off nothing is kept");
    }

    @Test
    void theConfiguredLevelTradesSizeForSpeed() {
        String prose = prose(20_000);
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        int fastest = new PublicPages(config(Duration.ofMinutes(1), 1), mapper, null)
                .load("a", 0, 20, () -> load(prose)).join().gzip().length();
        int smallest = new PublicPages(config(Duration.ofMinutes(1), 9), mapper, null)
                .load("a", 0, 20, () -> load(prose)).join().gzip().length();
        assertTrue(smallest < fastest * 0.95, "level 9: " + smallest + " bytes, level 1: " + fastest);
    }

    static String prose(int length) {
        java.util.Random random = new java.util.Random(length);
        String[] words = "the council budget road school rent minister vote price energy winter pension tax".split(" ");
        StringBuilder prose = new StringBuilder();
        while (prose.length() < length) {
            prose.append(words[random.nextInt(words.length)]).append(random.nextInt(7) == 0 ? ". " : " ");
        }
        return prose.toString();
    }

    static byte[] gunzip(PublicPages.Page page) throws java.io.IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(page.gzip().getBytes()))) {
            return in.readAllBytes();
        }
    }

    /** The compressed items: the first deflate segment, after gzip's 10-byte header. */
    static byte[] itemsSegment(PublicPages.Page page) {
        return java.util.Arrays.copyOfRange(page.gzip().getBytes(), 10, 10 + page.itemsDeflated());
    }

    static byte[] bytes(String... parts) {
        return String.join("", parts).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aReloadWhoseItemsDidNotChangeReusesTheirCompressedBytes() throws Exception {
        byte[] items = bytes("{\"items\":[{\"id\":1,\"name\":\"Hamdi Fırat Büyük\",\"text\":\"", prose(20_000), "\"}]");
        // The previous page at level 9, the next at level 1: reused bytes are told from recompressed ones.
        PublicPages.Page previous = PublicPages.Page.of(items, bytes(",\"page\":0,\"size\":20,\"totalItems\":41}"), 9, null);
        PublicPages.Page next = PublicPages.Page.of(items, bytes(",\"page\":0,\"size\":20,\"totalItems\":42}"), 1, previous);
        PublicPages.Page recompressed = PublicPages.Page.of(items, bytes(",\"page\":0,\"size\":20,\"totalItems\":42}"), 1, null);

        assertArrayEquals(itemsSegment(previous), itemsSegment(next), "the items' compressed bytes are reused");
        assertFalse(java.util.Arrays.equals(itemsSegment(recompressed), itemsSegment(next)), "and not compressed again");
        byte[] json = bytes(new String(items, java.nio.charset.StandardCharsets.UTF_8), ",\"page\":0,\"size\":20,\"totalItems\":42}");
        assertArrayEquals(json, gunzip(next), "the new total after the old items, one valid gzip member");
        assertEquals(json.length, next.jsonLength());
        assertArrayEquals(json, next.plain().getBytes());
    }

    @Test
    void itemsThatChangedAreCompressedAgain() throws Exception {
        byte[] before = bytes("{\"items\":[{\"id\":1,\"text\":\"", prose(5_000), "\"}]");
        byte[] after = bytes("{\"items\":[{\"id\":1,\"text\":\"", prose(5_000), " (edited)\"}]");
        byte[] rest = bytes(",\"page\":0,\"size\":20,\"totalItems\":1}");
        PublicPages.Page previous = PublicPages.Page.of(before, rest, 9, null);
        PublicPages.Page next = PublicPages.Page.of(after, rest, 1, previous);

        assertArrayEquals(itemsSegment(PublicPages.Page.of(after, rest, 1, null)), itemsSegment(next));
        assertArrayEquals(bytes(new String(after, java.nio.charset.StandardCharsets.UTF_8), new String(rest,
                java.nio.charset.StandardCharsets.UTF_8)), gunzip(next));
    }

    @Test
    void aReloadAfterACommentOnAFullPageAnswersExactlyWhatJacksonWritesForTheWholePage() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        List<PublicComment> items = List.of(
                new PublicComment(1, null, "Recep Tayyip Erdoğan", null, prose(3_000), Instant.parse("2026-11-01T08:00:00Z")),
                new PublicComment(2, 1L, "Zoë \"quoted\" ]}", "https://example.com", "Ağır \\ ],\"x\"", Instant.EPOCH));
        PublicPages.Page first = pages.load("a", 0, 2, () -> new PagedList<>(items, 0, 2, 41)).join();
        assertArrayEquals(mapper.writeValueAsBytes(new PagedList<>(items, 0, 2, 41)), gunzip(first));

        pages.onChange(new PublicCommentsChanged("a")); // a 42nd comment, after the first page
        PublicPages.Page second = pages.load("a", 0, 2, () -> new PagedList<>(items, 0, 2, 42)).join();
        assertArrayEquals(mapper.writeValueAsBytes(new PagedList<>(items, 0, 2, 42)), gunzip(second));
        assertArrayEquals(first.itemsDigest(), second.itemsDigest());
        assertArrayEquals(itemsSegment(first), itemsSegment(second));

        assertEquals(1, pages.cachedPages(), "the page it replaced, which no reader can reach, is dropped");

        pages.onChange(new PublicCommentsChanged("a")); // a moderator hid the second one
        PublicPages.Page third = pages.load("a", 0, 2, () -> new PagedList<>(items.subList(0, 1), 0, 2, 41)).join();
        assertArrayEquals(mapper.writeValueAsBytes(new PagedList<>(items.subList(0, 1), 0, 2, 41)), gunzip(third));
        assertFalse(java.util.Arrays.equals(first.itemsDigest(), third.itemsDigest()));
    }

    @Test
    void aMapperThatDoesNotWriteTheItemsFirstStillGetsItsOwnJsonWhole() throws Exception {
        // Indented JSON does not start with {"items":[]: the whole page is then the first segment.
        ObjectMapper indenting = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        PublicPages indented = new PublicPages(config(Duration.ofMinutes(1)), indenting, null);
        PagedList<PublicComment> page = load("Hamdi Fırat Büyük wrote this");
        PublicPages.Page first = indented.load("a", 0, 20, () -> page).join();
        assertArrayEquals(indenting.writeValueAsBytes(page), gunzip(first));

        indented.onChange(new PublicCommentsChanged("a"));
        PublicPages.Page again = indented.load("a", 0, 20, () -> page).join();
        assertArrayEquals(indenting.writeValueAsBytes(page), gunzip(again));
        assertArrayEquals(itemsSegment(first), itemsSegment(again), "the same JSON reuses its compressed bytes");
    }

    @Test
    void aPageReadBeforeAChangeAndFinishedAfterTheNewerOneNeverReplacesIt() throws Exception {
        CountDownLatch older = new CountDownLatch(1);
        CompletableFuture<PublicPages.Page> slow = pages.load("a", 0, 20, () -> {
            await(older);
            return load("before the change");
        });
        pages.onChange(new PublicCommentsChanged("a"));
        PublicPages.Page newer = pages.load("a", 0, 20, () -> load("after the change")).join();
        older.countDown();
        slow.join(); // its reader still gets it

        assertSame(newer, pages.cached("a", 0, 20), "the newer page stays the one readers get");
        assertEquals(1, pages.cachedPages());
        pages.onChange(new PublicCommentsChanged("a"));
        PublicPages.Page next = pages.load("a", 0, 20, () -> load("after the change")).join();
        assertArrayEquals(itemsSegment(newer), itemsSegment(next), "and the one whose items the next reload reuses");
    }

    static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPageHoldsItsJsonAndTheSameGzippedAndCanBeWrittenAgainAndAgain() throws Exception {
        PublicPages.Page page = pages.load("a", 0, 20, () -> load("Long enough to be worth compressing. ".repeat(50))).join();
        byte[] json = page.plain().getBytes();
        byte[] gzip = page.gzip().getBytes();
        assertTrue(gzip.length < json.length / 4, gzip.length + " against " + json.length);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip))) {
            assertArrayEquals(json, in.readAllBytes());
        }
        // What Vert.x does per write: a slice that the write releases; the page must stay readable.
        for (int i = 0; i < 3; i++) {
            io.netty.buffer.ByteBuf written = page.gzip().getByteBuf();
            written.release();
        }
        assertArrayEquals(gzip, page.gzip().getBytes());
        assertFalse(page.gzip().getByteBuf().isDirect(), "on the heap, which the JVM's heap limit bounds");
    }

    @Test
    void anotherInstancesNotificationEvictsAndItsOwnIsSkipped() throws Exception {
        PublicPagesChannel channel = new PublicPagesChannel(pages, config(Duration.ofMinutes(1)), null,
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty());
        pages.load("a", 0, 20, () -> load("one")).join();
        pages.load("b", 0, 20, () -> load("one")).join();
        pages.load("c", 0, 20, () -> load("one")).join();
        PublicPages.Page a = pages.cached("a", 0, 20);
        channel.handle("other:!a"); // a removal or an edit: at once
        assertNull(pages.cached("a", 0, 20));
        assertNotNull(pages.cached("b", 0, 20));
        channel.handle("!b");
        assertNull(pages.cached("b", 0, 20));
        pages.load("a", 0, 20, () -> load("two")).join();
        a = pages.cached("a", 0, 20);
        channel.handle("other:a"); // new comments: the previous page within the freshness window
        assertSame(a, pages.cached("a", 0, 20));
        channel.handle("other:*");
        assertNull(pages.cached("c", 0, 20));
        pages.load("d", 0, 20, () -> load("one")).join();
        java.lang.reflect.Field self = PublicPagesChannel.class.getDeclaredField("self");
        self.setAccessible(true);
        channel.handle(self.get(channel) + ":d");
        assertNotNull(pages.cached("d", 0, 20), "this instance evicted its own changes after commit already");
    }

    /** A page whose source counts its reads and tells which read it is. */
    PublicPages withFreshness(Duration freshness, AtomicInteger reads) {
        return new PublicPages(config(Duration.ofMinutes(1), 4, true, freshness), new ObjectMapper().registerModule(new JavaTimeModule()),
                (articleId, page, size) -> load("read " + reads.incrementAndGet()));
    }

    static String text(PublicPages.Page page) throws java.io.IOException {
        return new String(gunzip(page), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void newCommentsShowWithinTheFreshnessWindowWithOneReloadInTheBackground() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        PublicPages fresh = withFreshness(Duration.ofSeconds(2), reads);
        PublicPages.Page first = fresh.load("hot", 0, 20, () -> load("read 0")).join();
        long readAt = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            fresh.onChange(PublicCommentsChanged.added("hot"));
            assertSame(first, fresh.cached("hot", 0, 20), "the previous page, within the window");
        }
        assertEquals(0, reads.get(), "no reload in the first half of the window");
        Thread.sleep(Math.max(0, 1_100 - (System.nanoTime() - readAt) / 1_000_000));
        // Past half of the window: still the previous page, and one reload for all these readers.
        for (int i = 0; i < 20; i++) {
            PublicPages.Page served = fresh.cached("hot", 0, 20);
            assertTrue(served == first || text(served).contains("read 1"), "the previous page or the reloaded one");
        }
        long started = System.currentTimeMillis();
        while (!text(fresh.cached("hot", 0, 20)).contains("read 1")) {
            assertTrue(System.currentTimeMillis() - started < 5_000, "reloaded in the background");
            Thread.sleep(5);
        }
        assertEquals(1, reads.get(), "one reload for 50 changes and 20 readers");
    }

    @Test
    void aPageOlderThanTheWindowIsNeverServedAfterAChange() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        PublicPages fresh = withFreshness(Duration.ofMillis(300), reads);
        PublicPages.Page first = fresh.load("slow", 0, 20, () -> load("read 0")).join();
        Thread.sleep(350); // nobody read it in the second half of the window
        assertSame(first, fresh.cached("slow", 0, 20), "without a change it is current");
        fresh.onChange(PublicCommentsChanged.added("slow"));
        assertNull(fresh.cached("slow", 0, 20), "read 350 ms ago: the reader waits for the reload");
    }

    @Test
    void removalsAndAZeroWindowEvictAtOnce() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        PublicPages fresh = withFreshness(Duration.ofSeconds(1), reads);
        fresh.load("a", 0, 20, () -> load("read 0")).join();
        fresh.onChange(PublicCommentsChanged.added("a"));
        assertNotNull(fresh.cached("a", 0, 20));
        fresh.onChange(new PublicCommentsChanged("a")); // a moderator removed one
        assertNull(fresh.cached("a", 0, 20), "a removal is never served from the previous page");
        fresh.onChange(PublicCommentsChanged.added("a"));
        assertNull(fresh.cached("a", 0, 20), "nor after newer comments");

        PublicPages atOnce = withFreshness(Duration.ZERO, reads);
        atOnce.load("a", 0, 20, () -> load("read 0")).join();
        atOnce.onChange(PublicCommentsChanged.added("a"));
        assertNull(atOnce.cached("a", 0, 20), "freshness 0: every change at once");
        assertEquals(0, reads.get());
    }

    @Test
    void gzipIsSentOnlyWhenAccepted() {
        assertTrue(Gzip.accepted("gzip"));
        assertTrue(Gzip.accepted("gzip, deflate, br, zstd"));
        assertTrue(Gzip.accepted("br;q=1.0, GZIP;q=0.5"));
        assertTrue(Gzip.accepted("*"));
        assertTrue(Gzip.accepted("x-gzip"));
        org.junit.jupiter.api.Assertions.assertFalse(Gzip.accepted(null));
        org.junit.jupiter.api.Assertions.assertFalse(Gzip.accepted(""));
        org.junit.jupiter.api.Assertions.assertFalse(Gzip.accepted("identity"));
        org.junit.jupiter.api.Assertions.assertFalse(Gzip.accepted("br, deflate"));
        org.junit.jupiter.api.Assertions.assertFalse(Gzip.accepted("gzip;q=0"));
        org.junit.jupiter.api.Assertions.assertFalse(Gzip.accepted("gzip; q=0.0, *"));
        org.junit.jupiter.api.Assertions.assertFalse(Gzip.accepted("*;q=0"));
    }

    @Test
    void withListenOffTheChannelIsOff() throws Exception {
        // comments.public-cache.listen=false: no LISTEN/NOTIFY, and nobody to tell (no thread starts, nothing is queued).
        PublicPagesChannel channel = new PublicPagesChannel(pages, config(Duration.ofMinutes(1), 4, false), null,
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty());
        channel.send(new PublicCommentsChanged("a"));
        channel.start(null);
        java.lang.reflect.Field listener = PublicPagesChannel.class.getDeclaredField("listener");
        listener.setAccessible(true);
        assertNull(listener.get(channel), "no listening thread");
        java.lang.reflect.Field pending = PublicPagesChannel.class.getDeclaredField("pending");
        pending.setAccessible(true);
        assertTrue(((Announcements) pending.get(channel)).drain().isEmpty(), "nothing queued");
        channel.stop(null);
    }
}
