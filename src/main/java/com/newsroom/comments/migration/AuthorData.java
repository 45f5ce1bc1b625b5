package com.newsroom.comments.migration;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything the service stores about one author (GDPR art. 15), as a moderator hands it over. */
@Schema(name = "AuthorData", description = "Everything stored about one author")
public record AuthorData(
        @Schema(example = "hamdi@example.com") String email,
        Instant exportedAt,
        @Schema(description = "The author's comments, oldest first, with what moderators see") List<AuthorComment> comments,
        @Schema(description = "Reports the author made on comments") List<AuthorReport> reports,
        @Schema(description = "Every address the comments and reports came from") List<String> ipAddresses,
        @Schema(description = "Every browser User-Agent stored with the comments") List<String> userAgents,
        @Schema(description = "Audit entries about the author's comments") List<AuthorAudit> auditEntries) {

    public record AuthorComment(long id, String articleId, Long parentId, String name, String email, String website,
            String text, @Schema(example = "APPROVED") String status, String ipAddress, String userAgent, Instant createdAt,
            Instant updatedAt, String moderatedBy, Instant moderatedAt, List<Reason> reasons,
            @Schema(description = "Where an import brought it from") String importSource, String importId) {
    }

    /** A moderation rule that fired on the comment. */
    public record Reason(String ruleType, String field, String match, String action, String detail) {
    }

    public record AuthorReport(long id, long commentId, String articleId, String reason, String note, String ipAddress,
            Instant createdAt, Instant resolvedAt, String resolution) {
    }

    public record AuthorAudit(long id, Instant at, String actor, String action, Long commentId, String fromStatus,
            String toStatus, String note, String previousText, String details) {
    }
}
