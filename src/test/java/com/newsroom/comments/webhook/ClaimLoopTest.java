package com.newsroom.comments.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClaimLoopTest {

    final ExecutorService threads = Executors.newFixedThreadPool(4);
    final ClaimLoop loop = new ClaimLoop(4, threads);
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final List<Integer> done = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    void attempt(int item) {
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.decrementAndGet();
        done.add(item);
    }

    @Test
    void claimsAgainAsThreadsFreeUpUntilNothingIsDue() throws Exception {
        ConcurrentLinkedQueue<Integer> due = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 100; i++) {
            due.add(i);
        }
        List<Integer> claimSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
        int started = loop.run(max -> {
            assertTrue(max >= 1 && max <= 4, "asked for " + max);
            List<Integer> claimed = new ArrayList<>();
            for (Integer item; claimed.size() < max && (item = due.poll()) != null;) {
                claimed.add(item);
            }
            claimSizes.add(claimed.size());
            return claimed;
        }, this::attempt, Duration.ofSeconds(30));
        threads.shutdown();
        assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
        // All 100 in one run (one claim per poll would have taken 25 polls), never more than 4 at once.
        assertEquals(100, started);
        assertEquals(100, done.size());
        assertTrue(mostAtOnce.get() <= 4, "ran " + mostAtOnce.get() + " at once");
        assertTrue(claimSizes.size() >= 25, "claims: " + claimSizes);
    }

    @Test
    void stopsAtTheBudgetWhileWorkKeepsComing() throws Exception {
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        int count = loop.run(max -> {
            List<Integer> claimed = new ArrayList<>();
            for (int i = 0; i < max; i++) {
                claimed.add(next.getAndIncrement());
            }
            return claimed;
        }, this::attempt, Duration.ofMillis(300));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(count > 4, "started " + count);
        assertTrue(tookMillis < 3_000, "took " + tookMillis + " ms");
    }

    @Test
    void aFailedClaimGivesItsThreadsBack() throws Exception {
        try {
            loop.run(max -> {
                throw new IllegalStateException("database away");
            }, this::attempt, Duration.ofSeconds(1));
        } catch (IllegalStateException expected) {
            // as the poll sees it
        }
        List<Integer> sizes = new ArrayList<>();
        loop.run(max -> {
            sizes.add(max);
            return List.of();
        }, this::attempt, Duration.ofSeconds(1));
        assertEquals(List.of(4), sizes);
    }
}
