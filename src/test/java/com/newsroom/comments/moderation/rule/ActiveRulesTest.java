package com.newsroom.comments.moderation.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.moderation.engine.RuleAction;
import com.newsroom.comments.moderation.engine.RuleConfig;
import com.newsroom.comments.moderation.engine.RuleDefinition;
import com.newsroom.comments.moderation.engine.RuleType;

/** The first load of the rules runs in the background at start; nothing may be moderated before it. */
class ActiveRulesTest {

    /** A store whose loads wait for {@link #release} and count themselves; the first {@code failures} fail. */
    static class SlowStore extends RuleStore {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger loads = new AtomicInteger();
        final int failures;

        SlowStore(int failures) {
            super(null, null, null, null, null);
            this.failures = failures;
        }

        @Override
        public RuleSetData loadEnabled() {
            int n = loads.incrementAndGet();
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (n <= failures) {
                throw new IllegalStateException("database away");
            }
            return new RuleSetData(7, List.of());
        }

        @Override
        public long revision() {
            return 7;
        }
    }

    @Test
    void aRequestDuringTheFirstLoadWaitsForItAndDoesNotLoadAgain() throws Exception {
        SlowStore store = new SlowStore(0);
        ActiveRules rules = new ActiveRules(store, java.util.Optional.empty());
        CompletableFuture<ActiveRules.Snapshot> startup = CompletableFuture.supplyAsync(rules::loadIfNone);
        assertEquals(true, store.started.await(10, TimeUnit.SECONDS));
        CompletableFuture<ActiveRules.Snapshot> request = CompletableFuture.supplyAsync(rules::current);
        Thread.sleep(100);
        assertEquals(false, request.isDone(), "a comment must not be moderated before the rules are in force");
        store.release.countDown();
        ActiveRules.Snapshot loaded = startup.get(10, TimeUnit.SECONDS);
        assertSame(loaded, request.get(10, TimeUnit.SECONDS));
        assertEquals(7, loaded.revision());
        assertEquals(1, store.loads.get());
        assertSame(loaded, rules.current());
        assertEquals(1, store.loads.get());
    }

    @Test
    void whenTheFirstLoadFailsTheNextRequestLoads() throws Exception {
        SlowStore store = new SlowStore(1);
        store.release.countDown();
        ActiveRules rules = new ActiveRules(store, java.util.Optional.empty());
        assertThrows(IllegalStateException.class, rules::loadIfNone);
        assertEquals(7, rules.current().revision());
        assertEquals(2, store.loads.get());
    }

    /** A store with one FLOOD rule of 15 s. */
    static RuleStore floodStore() {
        return new RuleStore(null, null, null, null, null) {
            @Override
            public RuleSetData loadEnabled() {
                RuleConfig config = new RuleConfig(null, null, null, null, null, null, null, null, null, null, null, null,
                        null, 15);
                return new RuleSetData(3, List.of(new RuleDefinition(1, RuleType.FLOOD, RuleAction.HOLD, config)));
            }
        };
    }

    @Test
    void theFloodIntervalIsTheRulesUnlessCapped() {
        assertEquals(java.time.Duration.ofSeconds(15),
                new ActiveRules(floodStore(), java.util.Optional.empty()).reload().floodInterval());
        assertEquals(java.time.Duration.ofSeconds(5),
                new ActiveRules(floodStore(), java.util.Optional.of(java.time.Duration.ofSeconds(5))).reload().floodInterval());
        assertEquals(java.time.Duration.ZERO,
                new ActiveRules(floodStore(), java.util.Optional.of(java.time.Duration.ZERO)).reload().floodInterval(),
                "dev mode's cap turns flood control off");
    }
}
