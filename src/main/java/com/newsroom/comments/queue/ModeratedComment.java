package com.newsroom.comments.queue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
        @Schema(description = "Readers' open reports; absent when there are none") ReportSummary reports,
        @Schema(description = "Direct replies, oldest first, at most 50 (detail view only)") List<RelatedComment> replies,
        @Schema(description = "The author's comments by e-mail, else by IP address (detail view only)") AuthorActivity author) {

    @RegisterForReflection
    @Schema(name = "RelatedComment")
    public record RelatedComment(long id, String articleId, String name, String text,
            @Schema(enumeration = { "APPROVED", "PENDING", "SPAM", "REJECTED" }) String status, Instant createdAt) {

        static RelatedComment of(Comment c) {
            return new RelatedComment(c.id, c.articleId, c.name, c.text, c.status.name(), c.createdAt);
        }
    }

    @RegisterForReflection
    @Schema(name = "AuthorActivity")
    public record AuthorActivity(
            @Schema(description = "How the author's comments were found", enumeration = { "email", "ip" }) String by,
            @Schema(description = "All the author's comments per status, this one included",
                    example = "{\"APPROVED\": 12, \"PENDING\": 1, \"SPAM\": 0, \"REJECTED\": 2}") Map<String, Long> counts,
            @Schema(description = "The author's other comments, newest first, at most 20") List<RelatedComment> comments) {
    }

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
                c.reasons.stream().map(ReasonView::of).toList(), history, null, null, null);
    }

    /** This comment with its open reports (null: none). */
    public ModeratedComment withReports(ReportSummary open) {
        return new ModeratedComment(id, articleId, parentId, parent, name, email, website, text, status, ipAddress,
                userAgent, createdAt, updatedAt, moderatedBy, moderatedAt, version, reasons, history, open, replies, author);
    }

    /** This comment with its replies and its author's comments (the detail view). */
    public ModeratedComment withContext(List<RelatedComment> replyList, AuthorActivity activity) {
        return new ModeratedComment(id, articleId, parentId, parent, name, email, website, text, status, ipAddress,
                userAgent, createdAt, updatedAt, moderatedBy, moderatedAt, version, reasons, history, reports, replyList,
                activity);
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
