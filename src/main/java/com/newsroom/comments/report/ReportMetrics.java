package com.newsroom.comments.report;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Prometheus counters of readers' reports (at /q/metrics): {@code comments_reports_total{reason}} for
 * every counted report, {@code comments_hidden_by_reports_total} for every comment they sent back to the queue.
 */
@ApplicationScoped
public class ReportMetrics {

    private final Map<ReportReason, Counter> reports = new EnumMap<>(ReportReason.class);
    private final Counter hidden;

    public ReportMetrics(MeterRegistry registry) {
        for (ReportReason reason : ReportReason.values()) {
            reports.put(reason, Counter.builder("comments.reports").description("Readers' reports counted, by reason")
                    .tag("reason", reason.name()).register(registry));
        }
        hidden = Counter.builder("comments.hidden.by.reports")
                .description("Published comments that readers' reports sent back to the queue").register(registry);
    }

    void counted(ReportReason reason, boolean hid) {
        reports.get(reason).increment();
        if (hid) {
            hidden.increment();
        }
    }
}
