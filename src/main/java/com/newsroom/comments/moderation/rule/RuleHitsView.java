package com.newsroom.comments.moderation.rule;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How often a rule fired on stored comments, and when last. */
@Schema(name = "RuleHits")
public record RuleHitsView(@Schema(example = "1000") long ruleId,
        @Schema(description = "Stored comments the rule gave a reason to", example = "42") long hits,
        @Schema(description = "When the newest of them was submitted", example = "2026-12-05T09:12:00Z") Instant lastHitAt) {
}
