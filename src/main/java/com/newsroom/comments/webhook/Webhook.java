package com.newsroom.comments.webhook;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;

/**
 * A receiver of events. Updated column by column: the delivery worker sets {@code failing_since} and
 * may disable it with SQL of its own, and an admin's change must not write those back.
 */
@Entity
@DynamicUpdate
public class Webhook {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_seq")
    @SequenceGenerator(name = "webhook_seq", sequenceName = "webhook_seq", allocationSize = 1)
    public Long id;

    @Column(nullable = false)
    public String url;

    /** Subscribed event types, comma-separated (the dispatcher matches them in SQL). */
    @Column(nullable = false)
    public String events;

    public String description;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "include_personal_data", nullable = false)
    public boolean includePersonalData;

    @Column(nullable = false)
    public String secret;

    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
