package com.newsroom.comments.queue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Optional body of a decision. */
@Schema(name = "DecisionRequest")
@RegisterForReflection
public record DecisionRequest(
        @Schema(description = "Why; kept in the audit log", example = "Off-topic advertising") String note,
        @Schema(description = "With spam: also block the author's e-mail and IP address (an AUTHORS rule)") Boolean blockAuthor) {
}
