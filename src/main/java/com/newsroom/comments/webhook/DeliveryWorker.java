package com.newsroom.comments.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.event.OutboxWritten;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the outbox through a {@link DeliveryPump} on a thread of its own: new events are fanned out
 * into deliveries, due deliveries claimed in batches and sent without blocking, up to
 * {@code comments.webhooks.concurrency} in flight, and their results recorded in batches. It wakes when
 * this instance writes events ({@link OutboxWritten}, after the commit) and polls every
 * {@code comments.webhooks.poll-interval} for the rest. Never on a request's thread: a receiver that
 * hangs holds one slot for the timeouts, and nothing else. A failed attempt is retried after an
 * exponential backoff with jitter until the delivery's retry window ends.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /**
     * The shortest cycle while busy: results that finish within it are recorded in one statement, and an
     * instance with a steady trickle of events runs at most this many cycles a second (each up to three
     * small transactions).
     */
    static final Duration MIN_CYCLE = Duration.ofMillis(20);
    /** How long attempts in flight may finish when the instance stops, before they are abandoned. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final Deliveries deliveries;
    private final WebhookMetrics metrics;
    private final CommentsConfig.Webhooks config;
    private final WebhookSender sender;
    private final DeliveryPump pump;
    private volatile Thread thread;

    public DeliveryWorker(Deliveries deliveries, WebhookMetrics metrics, CommentsConfig config) {
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.config = config.webhooks();
        this.sender = new WebhookSender(new AddressGuard(this.config.allowPrivateNetworks(), this.config.requireHttps()),
                this.config.connectTimeout(), this.config.readTimeout(), this.config.responseLimit());
        this.pump = new DeliveryPump(new Queue(), d -> sender.sendAsync(d.url(), d.secret(), d.eventId(),
                Instant.now().getEpochSecond(), d.body()), this.config.concurrency(), MIN_CYCLE, this.config.pollInterval());
    }

    void start(@Observes StartupEvent event) {
        Thread t = new Thread(pump, "webhook-delivery");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** After a successful commit (at once outside a transaction): this instance's new events go out now. */
    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten event) {
        pump.wake();
    }

    void stop(@Observes ShutdownEvent event) {
        Thread t = thread;
        if (t == null) {
            return;
        }
        pump.stop();
        try {
            t.join(STOP_GRACE.toMillis());
            if (t.isAlive()) {
                t.interrupt();
                t.join(STOP_GRACE.toMillis());
            }
            pump.drain(STOP_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sender.close();
        }
    }

    /** The pump's queue: {@link Deliveries}' statements, with this instance's lease, backoff and metrics. */
    private final class Queue implements DeliveryPump.Queue {

        @Override
        public DeliveryPump.Fanned dispatch() {
            return deliveries.dispatch(now(), config.retryFor());
        }

        @Override
        public List<Deliveries.Claimed> claim(int max) {
            Instant now = now();
            return deliveries.claim(max, now, now.plus(lease()));
        }

        @Override
        public Instant record(List<DeliveryPump.Attempt> attempts) {
            Instant now = now();
            Instant earliestRetry = null;
            List<Deliveries.Result> results = new ArrayList<>(attempts.size());
            for (DeliveryPump.Attempt attempt : attempts) {
                Deliveries.Claimed delivery = attempt.delivery();
                Instant next = null;
                if (!attempt.outcome().delivered()) {
                    next = now.plus(backoff(delivery.attempts(), config.retryInitial(), config.retryMaxInterval(),
                            ThreadLocalRandom.current().nextDouble()));
                    if (next.isAfter(delivery.retryUntil())) {
                        next = null; // past its retry window: failed for good
                    } else if (earliestRetry == null || next.isBefore(earliestRetry)) {
                        earliestRetry = next;
                    }
                }
                results.add(new Deliveries.Result(delivery, attempt.outcome(), now, next));
            }
            deliveries.record(results, now.minus(config.retryFor()));
            for (Deliveries.Result result : results) {
                if (result.delivered()) {
                    metrics.delivered();
                } else {
                    metrics.failedAttempt(result.nextAttempt() == null);
                }
            }
            return earliestRetry;
        }
    }

    /** Old events and their deliveries, in slices so that no transaction grows large. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try {
            Instant cutoff = now().minus(config.retention());
            int removed;
            do {
                removed = deliveries.purge(cutoff, 5000);
            } while (removed == 5000);
        } catch (RuntimeException e) {
            LOG.debugf("Outbox purge failed, will try again: %s", e.toString());
        }
    }

    /** Longer than an attempt can take: until then no other instance claims the delivery. */
    private Duration lease() {
        return config.connectTimeout().plus(config.readTimeout().multipliedBy(2)).plusSeconds(30);
    }

    /**
     * The delay after the {@code attempts}-th failed attempt: {@code initial} doubled per attempt before,
     * capped at {@code max}, less up to half of it as jitter ({@code random} in [0, 1)), so receivers that
     * fail together are not retried together.
     */
    static Duration backoff(int attempts, Duration initial, Duration max, double random) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long millis = Math.min(initial.toMillis() << doublings, max.toMillis());
        if (millis < 0) {
            millis = max.toMillis();
        }
        return Duration.ofMillis(millis - (long) (millis / 2 * random));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
