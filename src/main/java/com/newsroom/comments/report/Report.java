package com.newsroom.comments.report;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A reader's report on a comment. Inserted by {@link Reporting} (one per reporter and comment, by the
 * database's unique key), then only resolved or deleted; open while {@link #resolvedAt} is null.
 */
@Entity
@Table(name = "comment_report")
public class Report {

    /** Assigned from comment_report_seq by the insert. */
    @Id
    public Long id;

    @Column(name = "comment_id", nullable = false)
    public long commentId;

    @Column(name = "article_id", nullable = false)
    public String articleId;

    /** {@code email:<address>} or {@code ip:<address>}: who counts once. */
    @Column(nullable = false)
    public String reporter;

    public String email;

    @Column(name = "ip_address")
    public String ipAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportReason reason;

    public String note;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    /** DISMISSED, or the moderator's decision that resolved it (APPROVE, REJECT, SPAM). */
    public String resolution;
}
