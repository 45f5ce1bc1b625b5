package com.newsroom.comments.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.newsroom.comments.config.CommentsConfig;

import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the outbox: on every poll it fans new events out into deliveries and claims due deliveries
 * as its threads ({@code comments.webhooks.concurrency}) free up. Each attempt runs on a thread
 * of its own, never on a request's: a receiver that hangs holds one of these threads for the timeouts,
 * and nothing else. A failed attempt is retried after an exponential backoff with jitter until the
 * delivery's retry window ends.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** Fan-out batches per poll at most, so a large backlog of events does not keep deliveries waiting. */
    static final int MAX_DISPATCH_BATCHES = 10;

    private final Deliveries deliveries;
    private final WebhookMetrics metrics;
    private final CommentsConfig.Webhooks config;
    private final WebhookSender sender;
    private final ExecutorService threads;
    private final ClaimLoop loop;

    public DeliveryWorker(Deliveries deliveries, WebhookMetrics metrics, CommentsConfig config) {
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.config = config.webhooks();
        this.sender = new WebhookSender(new AddressGuard(this.config.allowPrivateNetworks(), this.config.requireHttps()),
                this.config.connectTimeout(), this.config.readTimeout(), this.config.responseLimit());
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(this.config.concurrency(), task -> {
            Thread thread = new Thread(task, "webhook-delivery-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.loop = new ClaimLoop(this.config.concurrency(), threads);
    }

    /**
     * Fans new events out (batches while they come back full), then keeps the delivery threads busy for most of one poll interval: each
     * thread that finishes an attempt lets the next due delivery be claimed at once, so delivery keeps up
     * with a busy outbox instead of taking one batch per poll.
     */
    @Scheduled(every = "${comments.webhooks.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            for (int batches = 0; batches < MAX_DISPATCH_BATCHES
                    && deliveries.dispatch(now(), config.retryFor()) == Deliveries.DISPATCH_BATCH; batches++) {
                // a full batch: more events may wait
            }
            loop.run(permits -> {
                Instant now = now();
                return deliveries.claim(permits, now, now.plus(lease()));
            }, this::attempt, config.pollInterval().multipliedBy(9).dividedBy(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debugf("Webhook poll failed, will poll again: %s", e.toString());
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

    private void attempt(Deliveries.Claimed delivery) {
        try {
            WebhookSender.Outcome outcome = sender.send(delivery.url(), delivery.secret(), delivery.eventId(),
                    Instant.now().getEpochSecond(), delivery.body());
            Instant now = now();
            if (outcome.delivered()) {
                deliveries.delivered(delivery, outcome, now);
                metrics.delivered();
            } else {
                Instant next = now.plus(backoff(delivery.attempts(), config.retryInitial(), config.retryMaxInterval(),
                        ThreadLocalRandom.current().nextDouble()));
                boolean failed = deliveries.failed(delivery, outcome, now, next, now.minus(config.retryFor()));
                metrics.failedAttempt(failed);
            }
        } catch (RuntimeException e) {
            // The lease runs out and the delivery is tried again.
            LOG.warnf("Could not record webhook delivery %d: %s", delivery.id(), e.toString());
        }
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

    @PreDestroy
    void stop() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
