package com.newsroom.comments.webhook;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event's delivery to one webhook. */
public record DeliveryView(long id, long webhookId,
        @Schema(description = "The event id: the webhook-id header, the same in every attempt") String eventId,
        String eventType,
        @Schema(description = "PENDING, DELIVERED or FAILED (retried for comments.webhooks.retry-for without success)") String status,
        int attempts, Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt,
        @Schema(description = "The receiver's last HTTP status, if it answered") Integer lastStatusCode,
        @Schema(description = "Why the last attempt failed") String lastError,
        @Schema(description = "The start of the receiver's last answer") String lastResponse,
        Instant deliveredAt) {

    static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(d.id, d.webhookId, d.eventId.toString(), d.eventType, d.status, d.attempts, d.createdAt,
                "PENDING".equals(d.status) ? d.nextAttemptAt : null, d.lastAttemptAt, d.lastStatusCode, d.lastError,
                d.lastResponse, d.deliveredAt);
    }
}
