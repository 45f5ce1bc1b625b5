package com.newsroom.comments.queue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EditRequest")
public record EditRequest(
        @Schema(description = "The corrected text; the original stays in the history", required = true) String text,
        @Schema(example = "Removed a phone number") String note) {
}
