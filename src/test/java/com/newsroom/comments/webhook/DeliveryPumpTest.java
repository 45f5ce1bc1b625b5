package com.newsroom.comments.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryPumpTest {

    static final WebhookSender.Outcome OK = new WebhookSender.Outcome(true, 200, null, "");
    static final Duration HOUR = Duration.ofHours(1);

    final ScheduledExecutorService receiver = Executors.newScheduledThreadPool(2);
    final List<Thread> threads = new ArrayList<>();

    /** A queue in memory: events become deliveries when fanned out, claimed oldest first. */
    static final class FakeQueue implements DeliveryPump.Queue {
        final ConcurrentLinkedQueue<Long> events = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> due = new ConcurrentLinkedQueue<>();
        final List<Integer> claimSizes = new CopyOnWriteArrayList<>();
        final List<Integer> recordSizes = new CopyOnWriteArrayList<>();
        final List<DeliveryPump.Attempt> recorded = new CopyOnWriteArrayList<>();
        final AtomicInteger dispatches = new AtomicInteger();
        volatile Instant retry;

        @Override
        public DeliveryPump.Fanned dispatch() {
            dispatches.incrementAndGet();
            int n = 0;
            for (Long e; n < 100 && (e = events.poll()) != null; n++) {
                due.add(e);
            }
            return new DeliveryPump.Fanned(n, n, n == 100);
        }

        @Override
        public List<Deliveries.Claimed> claim(int max) {
            List<Deliveries.Claimed> claimed = new ArrayList<>();
            for (Long id; claimed.size() < max && (id = due.poll()) != null;) {
                claimed.add(new Deliveries.Claimed(id, 1, "msg_" + id, 1, Instant.MAX, "http://receiver", "whsec_x", "{}"));
            }
            claimSizes.add(claimed.size());
            return claimed;
        }

        @Override
        public Instant record(List<DeliveryPump.Attempt> attempts) {
            recordSizes.add(attempts.size());
            recorded.addAll(attempts);
            Instant r = retry;
            retry = null;
            return r;
        }

        void add(long from, long to) {
            for (long i = from; i < to; i++) {
                events.add(i);
            }
        }
    }

    DeliveryPump start(FakeQueue queue, Function<Deliveries.Claimed, CompletableFuture<WebhookSender.Outcome>> send, int max,
            Duration poll) {
        DeliveryPump pump = new DeliveryPump(queue, send, max, Duration.ofMillis(5), poll);
        Thread thread = new Thread(pump, "test-pump");
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        return pump;
    }

    /** Answers after {@code millis}, counting how many are in flight at most. */
    Function<Deliveries.Claimed, CompletableFuture<WebhookSender.Outcome>> answering(long millis, AtomicInteger inFlight,
            AtomicInteger most) {
        return d -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<WebhookSender.Outcome> f = new CompletableFuture<>();
            receiver.schedule(() -> {
                inFlight.decrementAndGet();
                f.complete(OK);
            }, millis, TimeUnit.MILLISECONDS);
            return f;
        };
    }

    static void await(String what, java.util.function.BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(5);
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Thread t : threads) {
            t.interrupt();
            t.join(2000);
        }
        receiver.shutdownNow();
    }

    @Test
    void aBacklogGoesOutInBatchesWithoutWaitingForThePoll() throws Exception {
        FakeQueue queue = new FakeQueue();
        queue.add(0, 1000);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        // A poll interval of an hour: only the first cycle is a poll; the rest must come from the work itself.
        start(queue, answering(3, inFlight, most), 16, HOUR);
        await("all 1,000 recorded", () -> queue.recorded.size() == 1000, Duration.ofSeconds(20));

        assertTrue(most.get() <= 16, "in flight at once: " + most.get());
        assertTrue(most.get() >= 8, "attempts went out concurrently: " + most.get());
        assertTrue(queue.claimSizes.stream().allMatch(n -> n <= 16), queue.claimSizes.toString());
        // Recorded in batches, not one statement per attempt.
        assertTrue(queue.recordSizes.size() < 1000 / 4, queue.recordSizes.size() + " record calls");
        assertEquals(1000, queue.recorded.stream().map(a -> a.delivery().id()).distinct().count());
    }

    @Test
    void writtenEventsWakeItAndAnIdlePumpWaitsForThePoll() throws Exception {
        FakeQueue queue = new FakeQueue();
        AtomicInteger inFlight = new AtomicInteger();
        DeliveryPump pump = start(queue, answering(1, inFlight, new AtomicInteger()), 8, HOUR);
        await("the first poll", () -> queue.dispatches.get() >= 1, Duration.ofSeconds(5));
        Thread.sleep(100);

        // Events nobody announced wait for the poll (an hour away).
        queue.add(0, 5);
        Thread.sleep(300);
        assertEquals(0, queue.recorded.size());
        // Announced ones (this instance's commits) go out at once, and the unannounced with them.
        pump.wake();
        await("delivered after the wake", () -> queue.recorded.size() == 5, Duration.ofSeconds(5));
        int dispatches = queue.dispatches.get();
        Thread.sleep(300);
        assertTrue(queue.dispatches.get() <= dispatches + 1, "idle, it does not spin: " + queue.dispatches.get());
    }

    @Test
    void aScheduledRetryIsClaimedWhenDueNotAtThePoll() throws Exception {
        FakeQueue queue = new FakeQueue();
        queue.add(0, 1);
        AtomicInteger attempts = new AtomicInteger();
        long start = System.nanoTime();
        start(queue, d -> {
            if (attempts.incrementAndGet() == 1) {
                queue.retry = Instant.now().plusMillis(200);
                receiver.schedule(() -> queue.due.add(d.id()), 100, TimeUnit.MILLISECONDS); // due again by then
                return CompletableFuture.completedFuture(new WebhookSender.Outcome(false, 500, "Answered 500.", ""));
            }
            return CompletableFuture.completedFuture(OK);
        }, 8, HOUR);
        // The first poll fans out the event; the retry comes 200 ms later, an hour before the next poll.
        await("the retry", () -> queue.recorded.size() == 2, Duration.ofSeconds(5));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(150));
        assertTrue(queue.recorded.get(1).outcome().delivered());
    }

    @Test
    void attemptsInFlightAtShutdownAreRecordedAsInterrupted() throws Exception {
        FakeQueue queue = new FakeQueue();
        queue.add(0, 3);
        DeliveryPump pump = start(queue, d -> new CompletableFuture<>(), 8, HOUR); // receivers that never answer
        await("three in flight", () -> pump.inFlight() == 3, Duration.ofSeconds(5));
        pump.stop();
        threads.get(0).join(2000);
        pump.drain(Duration.ofMillis(100));
        assertEquals(3, queue.recorded.size());
        assertTrue(queue.recorded.stream().allMatch(a -> WebhookSender.STOPPING.equals(a.outcome().error())),
                queue.recorded.toString());
    }
}
