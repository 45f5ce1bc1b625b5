package com.newsroom.comments.webhook;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook as an admin creates or replaces it. */
@Schema(description = "A webhook: where to send which events")
public record WebhookRequest(
        @Schema(description = "https URL of the receiver (http only where comments.webhooks.require-https=false)",
                examples = "https://cms.example.com/hooks/comments") String url,
        @Schema(description = "Event types to send", examples = "[\"comment.created\", \"comment.approved\"]") List<String> events,
        @Schema(description = "What the receiver is, for the admins", examples = "CMS comment counts") String description,
        @Schema(description = "Deliver events (default true); enabling a disabled webhook clears its failure") Boolean enabled,
        @Schema(description = "Send the author's e-mail and IP address with comment events (default false)") Boolean includePersonalData) {
}
