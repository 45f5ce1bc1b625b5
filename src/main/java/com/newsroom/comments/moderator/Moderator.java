package com.newsroom.comments.moderator;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/** A moderator account. The password is only ever stored as a bcrypt hash. */
@Entity
public class Moderator {

    public static final String ROLE_MODERATOR = "moderator";
    public static final String ROLE_ADMIN = "admin";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "moderator_seq")
    @SequenceGenerator(name = "moderator_seq", sequenceName = "moderator_seq", allocationSize = 1)
    public Long id;

    @Column(nullable = false)
    public String username;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public boolean enabled = true;

    /** Where the digest of waiting comments goes; null: none. */
    public String email;

    /** The moderator opted in to the e-mail digest of waiting comments (notification). */
    @Column(nullable = false)
    public boolean digest;

    @Column(name = "last_login_at")
    public Instant lastLoginAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
