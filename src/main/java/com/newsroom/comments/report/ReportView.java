package com.newsroom.comments.report;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report as moderators see it, the reporter's e-mail and address included. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Report")
public record ReportView(
        @Schema(example = "7") long id,
        @Schema(enumeration = { "SPAM", "ABUSE", "OFF_TOPIC", "PERSONAL_INFO", "OTHER" }, example = "ABUSE") String reason,
        @Schema(example = "This threatens the person named in the article.") String note,
        @Schema(example = "reader@example.com") String email,
        @Schema(example = "203.0.113.7") String ipAddress,
        Instant createdAt,
        @Schema(description = "Absent while the report is open") Instant resolvedAt,
        @Schema(example = "ayse") String resolvedBy,
        @Schema(description = "DISMISSED, or the decision that resolved it", example = "APPROVE") String resolution) {

    static ReportView of(Report r) {
        return new ReportView(r.id, r.reason.name(), r.note, r.email, r.ipAddress, r.createdAt, r.resolvedAt,
                r.resolvedBy, r.resolution);
    }
}
