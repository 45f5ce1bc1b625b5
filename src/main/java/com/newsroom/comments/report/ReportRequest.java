package com.newsroom.comments.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reader's report, as the widget (JSON) or a plain form sends it. Only {@code reason} is required. */
@Schema(name = "ReportRequest", description = "Why a reader reports a published comment")
public record ReportRequest(
        @Schema(required = true, enumeration = { "SPAM", "ABUSE", "OFF_TOPIC", "PERSONAL_INFO", "OTHER" }, example = "ABUSE")
        String reason,
        @Schema(description = "What the moderators should know; only they see it", maxLength = 500,
                example = "This threatens the person named in the article.")
        String note,
        @Schema(description = "The reporter's e-mail address; only moderators see it. One address counts once per comment",
                maxLength = 100, example = "reader@example.com")
        String email) {
}
