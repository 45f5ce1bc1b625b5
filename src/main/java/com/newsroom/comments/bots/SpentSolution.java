package com.newsroom.comments.bots;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A proof-of-work challenge whose solution was accepted once; kept until the challenge expires. */
@Entity
@Table(name = "pow_spent")
public class SpentSolution {

    @Id
    public String challenge;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
