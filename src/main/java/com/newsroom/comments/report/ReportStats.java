package com.newsroom.comments.report;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Reports in the moderators' counts. */
@Schema(name = "ReportStats")
public record ReportStats(
        @Schema(description = "Open reports per reason") Map<ReportReason, Long> open,
        @Schema(description = "Every stored report per reason, open or resolved") Map<ReportReason, Long> total,
        @Schema(description = "Comments waiting in the queue because reports hid them", example = "2") long hiddenComments) {
}
