package com.newsroom.comments.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One event for one webhook, as the admin API reads it; written only by {@link Deliveries}' SQL. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    public Long id;

    @Column(name = "webhook_id", nullable = false)
    public long webhookId;

    @Column(name = "event_seq", nullable = false)
    public long eventSeq;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "ordering_key")
    public String orderingKey;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "retry_until", nullable = false)
    public Instant retryUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_response")
    public String lastResponse;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
