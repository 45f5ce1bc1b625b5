package com.newsroom.comments.queue;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.newsroom.comments.audit.AuditView;
import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.moderation.CheckResource.ReasonView;
import com.newsroom.comments.report.ReportSummary;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A comment as moderators see it: everything the public does not, and why the engine decided. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ModeratedComment")
public record ModeratedComment(
        long id, String articleId, Long parentId,
        @Schema(description = "The replied-to comment (detail view only)") ParentSummary parent,
        String name, String email, String website, String text,
        @Schema(enumeration = { "APPROVED", "PENDING", "SPAM", "REJECTED" }) String status,
        String ipAddress, String userAgent, Instant createdAt, Instant updatedAt,
        @Schema(description = "The moderator who last decided; absent while only the engine has") String moderatedBy,
        Instant moderatedAt,
        @Schema(description = "Optimistic-lock version; also sent as the ETag") long version,
        List<ReasonView> reasons,
        @Schema(description = "Moderator actions on this comment, oldest first (detail view only)") List<AuditView> history,
        @Schema(description = "Readers' open reports; absent when there are none") ReportSummary reports) {

    @RegisterForReflection
    @Schema(name = "ParentSummary")
    public record ParentSummary(long id, String name, String text, String status) {
    }

    public static ModeratedComment of(Comment c) {
        return of(c, null, null);
    }

    public static ModeratedComment of(Comment c, Comment parent, List<AuditView> history) {
        return new ModeratedComment(c.id, c.articleId, c.parentId,
                parent == null ? null : new ParentSummary(parent.id, parent.name, parent.text, parent.status.name()),
                c.name, c.email, c.website, c.text, c.status.name(), c.ipAddress, c.userAgent, c.createdAt,
                c.updatedAt, c.moderatedBy, c.moderatedAt, c.version,
                c.reasons.stream().map(ReasonView::of).toList(), history, null);
    }

    /** This comment with its open reports (null: none). */
    public ModeratedComment withReports(ReportSummary open) {
        return new ModeratedComment(id, articleId, parentId, parent, name, email, website, text, status, ipAddress,
                userAgent, createdAt, updatedAt, moderatedBy, moderatedAt, version, reasons, history, open);
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
