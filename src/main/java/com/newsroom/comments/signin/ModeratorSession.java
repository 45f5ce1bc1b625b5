package com.newsroom.comments.signin;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A signed-in session. Identified by the SHA-256 of the cookie's token; the token itself is never stored. */
@Entity
@Table(name = "moderator_session")
public class ModeratorSession {

    @Id
    @Column(name = "token_hash")
    public byte[] tokenHash;

    @Column(name = "moderator_id", nullable = false)
    public Long moderatorId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
