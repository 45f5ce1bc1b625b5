package com.newsroom.comments.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jboss.logging.Logger;

/**
 * The delivery loop of one instance, on one thread of its own. Each cycle records the attempts that
 * finished since the last one (one batched statement), fans new events out, claims as many due
 * deliveries as free slots allow (one statement) and starts them without waiting: at most
 * {@code maxInFlight} attempts are in flight at once, none holding a thread. It cycles again at once
 * (after {@code minCycle}, so that finished attempts are recorded together) while work remains: a full
 * claim with slots free, a full fan-out batch, attempts in flight finishing; otherwise it sleeps until
 * {@link #wake()} (events written), an attempt finishes, a retry falls due, or {@code pollInterval} ends
 * (events of other instances, deliveries whose lease ran out). Which deliveries may be claimed, and in
 * what order, is the {@link Queue}'s business. Plain Java.
 */
final class DeliveryPump implements Runnable {

    private static final Logger LOG = Logger.getLogger(DeliveryPump.class);

    /** The delivery queue in the database. */
    interface Queue {
        /** Fans events out; how many events it took (a full batch: more may wait) and deliveries it made. */
        Fanned dispatch();

        /** Claims at most {@code max} due deliveries, each for one attempt by this instance. */
        List<Deliveries.Claimed> claim(int max);

        /** Records finished attempts; the earliest retry they scheduled, or null. */
        Instant record(List<Attempt> attempts);
    }

    record Fanned(int events, int deliveries, boolean full) {
    }

    /** One finished attempt. */
    record Attempt(Deliveries.Claimed delivery, WebhookSender.Outcome outcome) {
    }

    private final Queue queue;
    private final Function<Deliveries.Claimed, CompletableFuture<WebhookSender.Outcome>> send;
    private final int maxInFlight;
    private final long minCycleNanos;
    private final long pollNanos;
    private final ConcurrentHashMap<Long, CompletableFuture<WebhookSender.Outcome>> inFlight = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Attempt> finished = new ConcurrentLinkedQueue<>();
    private final Object signal = new Object();
    private boolean signalled;
    private volatile boolean eventsWritten = true;
    private volatile boolean running = true;

    DeliveryPump(Queue queue, Function<Deliveries.Claimed, CompletableFuture<WebhookSender.Outcome>> send, int maxInFlight,
            Duration minCycle, Duration pollInterval) {
        this.queue = queue;
        this.send = send;
        this.maxInFlight = maxInFlight;
        this.minCycleNanos = minCycle.toNanos();
        this.pollNanos = pollInterval.toNanos();
    }

    /** Events were written (or a delivery made due): the next cycle fans out and claims without waiting for the poll. */
    void wake() {
        eventsWritten = true;
        signal();
    }

    /** Attempts in flight now. */
    int inFlight() {
        return inFlight.size();
    }

    private void signal() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    @Override
    public void run() {
        long nextPoll = System.nanoTime();
        long retryAt = 0; // System.nanoTime() of the earliest retry this instance scheduled, if retrySet
        boolean retrySet = false;
        boolean moreEvents = false;
        boolean moreDue = false;
        while (running) {
            long start = System.nanoTime();
            boolean poll = start - nextPoll >= 0 || (retrySet && start - retryAt >= 0);
            if (poll) {
                nextPoll = start + pollNanos;
                retrySet = false;
            }
            boolean busy;
            try {
                boolean changed = false;
                List<Attempt> done = drainFinished();
                if (!done.isEmpty()) {
                    changed = true; // a comment's next event may be due now
                    Instant retry = queue.record(done);
                    if (retry != null) {
                        long at = System.nanoTime() + Math.max(Duration.between(Instant.now(), retry).toNanos(), 0);
                        retryAt = retrySet && retryAt - at < 0 ? retryAt : at;
                        retrySet = true;
                    }
                }
                if (eventsWritten || poll || moreEvents) {
                    eventsWritten = false;
                    Fanned fanned = queue.dispatch();
                    moreEvents = fanned.full();
                    changed |= fanned.deliveries() > 0;
                }
                int free = maxInFlight - inFlight.size();
                if (free > 0 && (changed || poll || moreDue)) {
                    List<Deliveries.Claimed> claimed = queue.claim(free);
                    moreDue = claimed.size() == free;
                    claimed.forEach(this::start);
                }
                busy = moreEvents || (moreDue && inFlight.size() < maxInFlight) || !finished.isEmpty();
            } catch (RuntimeException e) {
                // The database is away: try again at the next poll. Attempts whose result was not recorded
                // are tried again once their lease ends (at least once).
                LOG.debugf("Webhook delivery cycle failed, will poll again: %s", e.toString());
                busy = false;
                moreEvents = false;
                moreDue = false;
                eventsWritten = false;
                nextPoll = System.nanoTime() + pollNanos;
            }
            try {
                pause(start, busy, retrySet && retryAt - nextPoll < 0 ? retryAt : nextPoll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void start(Deliveries.Claimed delivery) {
        CompletableFuture<WebhookSender.Outcome> attempt = send.apply(delivery);
        inFlight.put(delivery.id(), attempt);
        attempt.whenComplete((outcome, failed) -> {
            finished.add(new Attempt(delivery, outcome != null ? outcome
                    : new WebhookSender.Outcome(false, null, failed instanceof CancellationException ? WebhookSender.STOPPING
                            : "Could not deliver: " + failed, null)));
            inFlight.remove(delivery.id());
            signal();
        });
    }

    private List<Attempt> drainFinished() {
        List<Attempt> done = new ArrayList<>();
        for (Attempt attempt; (attempt = finished.poll()) != null;) {
            done.add(attempt);
        }
        return done;
    }

    /**
     * Busy: until {@code minCycle} after the cycle's start. Idle: until signalled or {@code until}, and no
     * sooner than {@code minCycle} after the start either, so that a stream of finishing attempts is recorded in
     * batches.
     */
    private void pause(long start, boolean busy, long until) throws InterruptedException {
        long minEnd = start + minCycleNanos;
        synchronized (signal) {
            if (!busy) {
                while (!signalled && running) {
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(signal, left);
                }
            }
            signalled = false;
        }
        long left = minEnd - System.nanoTime();
        if (left > 0 && running) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** Ends the loop after its current cycle (the caller joins its thread, then {@link #drain}s). */
    void stop() {
        running = false;
        signal();
    }

    /**
     * After the loop's thread ended: the attempts still in flight get {@code grace}, then are cancelled
     * (recorded as interrupted, so retried after the backoff); all are recorded.
     */
    void drain(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            for (CompletableFuture<WebhookSender.Outcome> attempt : List.copyOf(inFlight.values())) {
                long left = deadline - System.nanoTime();
                try {
                    attempt.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    attempt.cancel(true);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inFlight.values().forEach(attempt -> attempt.cancel(true));
        }
        List<Attempt> done = drainFinished();
        if (!done.isEmpty()) {
            try {
                queue.record(done);
            } catch (RuntimeException e) {
                LOG.debugf("Could not record %d webhook attempts at shutdown (retried after their lease): %s",
                        done.size(), e.toString());
            }
        }
    }
}
