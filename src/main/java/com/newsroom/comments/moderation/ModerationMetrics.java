package com.newsroom.comments.moderation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.newsroom.comments.comment.CommentRepository;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.ModerationReason;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;

/**
 * Prometheus metrics of moderation (at /q/metrics): comments by decision, rule hits by rule and type,
 * moderation time, and the pending-queue size (refreshed on a schedule, not by every scrape).
 */
@ApplicationScoped
public class ModerationMetrics {

    private static final Logger LOG = Logger.getLogger(ModerationMetrics.class);

    private final MeterRegistry registry;
    private final CommentRepository comments;
    private final Timer moderationTime;
    private final AtomicLong pending = new AtomicLong();
    /** Registered once: this runs for every comment. */
    private final Map<CommentStatus, Counter> submitted = new EnumMap<>(CommentStatus.class);
    /** One counter per rule and type, looked up without building a meter id for every hit. */
    private final Map<RuleHit, Counter> ruleHits = new ConcurrentHashMap<>();

    private record RuleHit(Long ruleId, String type) {
    }

    public ModerationMetrics(MeterRegistry registry, CommentRepository comments) {
        this.registry = registry;
        this.comments = comments;
        this.moderationTime = Timer.builder("comments.moderation.duration")
                .description("Time to moderate one comment").publishPercentileHistogram().register(registry);
        registry.gauge("comments.pending", pending);
        for (CommentStatus status : CommentStatus.values()) {
            submitted.put(status, Counter.builder("comments.submitted")
                    .description("Comments stored, by moderation decision")
                    .tag("decision", status.name()).register(registry));
        }
    }

    public Timer moderationTime() {
        return moderationTime;
    }

    public void submitted(CommentStatus status, List<ModerationReason> reasons) {
        submitted.get(status).increment();
        for (ModerationReason reason : reasons) {
            ruleHits.computeIfAbsent(new RuleHit(reason.ruleId, reason.ruleType), hit -> Counter.builder("moderation.rule.hits")
                    .description("Rules that fired, by rule and type")
                    .tag("rule", hit.ruleId() == null ? "none" : hit.ruleId().toString())
                    .tag("type", hit.type()).register(registry)).increment();
        }
    }

    @Scheduled(every = "${comments.metrics.pending-refresh-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshPending() {
        try {
            pending.set(comments.count("status", CommentStatus.PENDING));
        } catch (RuntimeException e) {
            LOG.debugf("Pending count unavailable: %s", e.toString());
        }
    }
}
