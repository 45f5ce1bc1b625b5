package com.newsroom.comments.migration;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One import or restore: its state and what it has done so far, readable from every instance. */
@Entity
@Table(name = "import_job")
public class ImportJob {

    public enum State {
        /** The file is being received. */
        RECEIVED,
        RUNNING,
        SUCCEEDED,
        /** Nothing of the file was kept. */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_job_seq")
    @SequenceGenerator(name = "import_job_seq", sequenceName = "import_job_seq", allocationSize = 1)
    public Long id;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public State state;

    @Column(nullable = false)
    public String actor;

    public String options;

    @Column(name = "bytes_total", nullable = false)
    public long bytesTotal;

    @Column(name = "bytes_read", nullable = false)
    public long bytesRead;

    /** {@link ImportCounts} as JSON. */
    @Column(nullable = false)
    public String counts = "{}";

    /** The first errors ({@link ImportCounts.Error}) as a JSON array. */
    @Column(nullable = false)
    public String errors = "[]";

    /** Why it failed. */
    public String message;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Version
    public long version;
}
