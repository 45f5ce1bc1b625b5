package com.newsroom.comments.webhook;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * Webhook metrics: attempts by outcome ({@code webhook_deliveries_total{outcome=delivered|retry|failed}}),
 * the outbox backlog (events not yet fanned out and deliveries pending) and the age of its oldest entry,
 * both counted on a schedule, not by every scrape.
 */
@ApplicationScoped
public class WebhookMetrics {

    private static final Logger LOG = Logger.getLogger(WebhookMetrics.class);

    private final Deliveries deliveries;
    private final Counter delivered;
    private final Counter retry;
    private final Counter failed;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    public WebhookMetrics(MeterRegistry registry, Deliveries deliveries) {
        this.deliveries = deliveries;
        this.delivered = outcome(registry, "delivered");
        this.retry = outcome(registry, "retry");
        this.failed = outcome(registry, "failed");
        registry.gauge("webhook.outbox.backlog", backlog);
        registry.gauge("webhook.outbox.oldest.age.seconds", oldestAgeSeconds);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("webhook.deliveries").description("Webhook delivery attempts, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    void delivered() {
        delivered.increment();
    }

    /** @param givenUp the delivery is failed for good (else it will be retried) */
    void failedAttempt(boolean givenUp) {
        (givenUp ? failed : retry).increment();
    }

    @Scheduled(every = "${comments.metrics.pending-refresh-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Object[] row = deliveries.backlog(Instant.now());
            backlog.set(((Number) row[0]).longValue());
            oldestAgeSeconds.set(row[1] == null ? 0 : Math.max(0, ((Number) row[1]).longValue()));
        } catch (RuntimeException e) {
            LOG.debugf("Webhook backlog unavailable: %s", e.toString());
        }
    }
}
