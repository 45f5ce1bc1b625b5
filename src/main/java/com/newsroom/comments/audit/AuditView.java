package com.newsroom.comments.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An audit entry as moderators read it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
@Schema(name = "AuditEntry")
public record AuditView(long id, Instant at, @Schema(example = "ayse") String actor,
        @Schema(example = "APPROVE") String action, Long commentId, String articleId,
        @Schema(example = "PENDING") String fromStatus, @Schema(example = "APPROVED") String toStatus,
        String note, @Schema(description = "The text before an edit") String previousText, String details) {

    static AuditView of(AuditEntry e) {
        return new AuditView(e.id, e.at, e.actor, e.action, e.commentId, e.articleId, e.fromStatus, e.toStatus,
                e.note, e.previousText, e.details);
    }
}
