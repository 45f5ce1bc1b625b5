package com.newsroom.comments.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A comment's open reports: how many, per reason, and each with its note and reporter. */
@Schema(name = "ReportSummary")
public record ReportSummary(
        @Schema(description = "Open reports, one per reporter", example = "3") int count,
        @Schema(description = "Open reports per reason", example = "{\"ABUSE\": 2, \"SPAM\": 1}") Map<ReportReason, Integer> reasons,
        @Schema(description = "The open reports, oldest first") List<ReportView> reports) {

    static ReportSummary of(List<Report> open) {
        Map<ReportReason, Integer> reasons = new EnumMap<>(ReportReason.class);
        open.forEach(r -> reasons.merge(r.reason, 1, Integer::sum));
        return new ReportSummary(open.size(), reasons, open.stream().map(ReportView::of).toList());
    }
}
