package com.newsroom.comments.comment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last time an author key (ip:..., email:...) submitted a comment; see {@link SubmissionThrottle}. */
@Entity
@Table(name = "submission_throttle")
public class SubmissionThrottleEntry {

    @Id
    @Column(name = "throttle_key")
    public String key;

    @Column(name = "last_submitted_at", nullable = false)
    public Instant lastSubmittedAt;
}
