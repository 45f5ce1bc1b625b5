package com.newsroom.comments.queue;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BulkRequest")
public record BulkRequest(
        @Schema(example = "[51, 52, 53]", maxItems = 500) List<Long> ids,
        @Schema(enumeration = { "approve", "hold", "spam", "reject", "restore" }, example = "approve") String action,
        @Schema(example = "Cleared after review") String note) {
}
