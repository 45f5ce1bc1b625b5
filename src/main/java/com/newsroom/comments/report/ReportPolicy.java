package com.newsroom.comments.report;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When readers' open reports hide a published comment. Reporters are counted, not reports: one reporter
 * (an e-mail address, or an address without e-mail) counts once, and reports that share an address count
 * once too, so one machine cannot hide a comment by typing several e-mail addresses. A comment is held
 * when its counted reporters reach the hold threshold, or the reporters giving one reason reach that
 * reason's own threshold. Plain Java: no database, no clock.
 */
public final class ReportPolicy {

    private final int holdThreshold;
    private final Map<ReportReason, Integer> reasonThresholds;

    public ReportPolicy(int holdThreshold, Map<ReportReason, Integer> reasonThresholds) {
        if (holdThreshold < 1 || reasonThresholds.values().stream().anyMatch(t -> t < 1)) {
            throw new IllegalArgumentException("Report thresholds must be at least 1");
        }
        this.holdThreshold = holdThreshold;
        this.reasonThresholds = Map.copyOf(reasonThresholds);
    }

    /** One open report, as the policy sees it. */
    public record Open(String reporter, String ipAddress, ReportReason reason) {
    }

    /** Counted reporters, in all and per reason (only reasons given). */
    public record Tally(int reporters, Map<ReportReason, Integer> byReason) {

        /** "3 readers: ABUSE 2, SPAM 1" */
        public String describe() {
            return reporters + (reporters == 1 ? " reader: " : " readers: ") + byReason.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        }
    }

    public Tally tally(List<Open> reports) {
        Map<ReportReason, Integer> byReason = new EnumMap<>(ReportReason.class);
        for (ReportReason reason : ReportReason.values()) {
            List<Open> given = reports.stream().filter(r -> r.reason() == reason).toList();
            if (!given.isEmpty()) {
                byReason.put(reason, count(given));
            }
        }
        return new Tally(count(reports), byReason);
    }

    /** The tally when it hides the comment, else empty. */
    public Optional<Tally> hold(List<Open> reports) {
        Tally tally = tally(reports);
        boolean hold = tally.reporters() >= holdThreshold || tally.byReason().entrySet().stream()
                .anyMatch(e -> reasonThresholds.containsKey(e.getKey()) && e.getValue() >= reasonThresholds.get(e.getKey()));
        return hold ? Optional.of(tally) : Optional.empty();
    }

    /** Distinct reporters, and distinct addresses (a report without one is its own): the smaller. */
    private static int count(Collection<Open> reports) {
        Set<String> reporters = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (Open report : reports) {
            reporters.add(report.reporter());
            addresses.add(report.ipAddress() != null ? "ip:" + report.ipAddress() : report.reporter());
        }
        return Math.min(reporters.size(), addresses.size());
    }
}
