package com.newsroom.comments.migration;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsroom.comments.audit.AuditLog;
import com.newsroom.comments.comment.PublicCommentsChanged;
import com.newsroom.comments.comment.store.CommentImports;
import com.newsroom.comments.moderation.ModerationService;
import com.newsroom.comments.moderation.rule.ActiveRules;
import com.newsroom.comments.problem.ApiException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs imports: the upload is written to a temporary file while the request lasts, then read on a
 * background thread of this instance into one database transaction ({@link CommentImports}), so a file
 * that turns out malformed half-way leaves no comment behind. The job's row carries state, counts and
 * progress for every instance to answer; at most one import runs at a time, and one whose instance
 * stopped (no progress for {@link #STALE}) counts as failed.
 */
@ApplicationScoped
public class Imports {

    private static final Logger LOG = Logger.getLogger(Imports.class);
    static final Duration STALE = Duration.ofMinutes(2);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    static final int MAX_ERRORS = 100;

    /** What a reader needs to run over a file. */
    @FunctionalInterface
    interface Reader {
        void read(InputStream in, CommentSink sink) throws Exception;
    }

    private final ImportJobRepository jobs;
    private final CommentImports store;
    private final ObjectMapper json;
    private final ModerationService moderation;
    private final ActiveRules rules;
    private final AuditLog audit;
    private final Event<PublicCommentsChanged> changes;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "comment-import");
        thread.setDaemon(true);
        return thread;
    });

    public Imports(ImportJobRepository jobs, CommentImports store, ObjectMapper json, ModerationService moderation,
            ActiveRules rules, AuditLog audit, Event<PublicCommentsChanged> changes) {
        this.jobs = jobs;
        this.store = store;
        this.json = json;
        this.moderation = moderation;
        this.rules = rules;
        this.audit = audit;
        this.changes = changes;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    /**
     * Receives the file into a temporary file and starts the import in the background.
     *
     * @param moderate run the moderation rules on comments the source had approved
     * @return the job, RUNNING or about to be
     */
    public ImportJobView start(String kind, String options, String actor, InputStream body, Reader reader,
            boolean moderate) {
        long id = create(kind, options, actor);
        Path file;
        long size;
        try {
            file = Files.createTempFile("comments-import-" + id + "-", ".upload");
        } catch (IOException e) {
            fail(id, "The service could not store the upload: " + e.getMessage(), null, null);
            throw ApiException.unavailable("The service could not store the upload.", Duration.ofSeconds(60));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            size = copy(body, out, id);
        } catch (IOException e) {
            delete(file);
            fail(id, "The upload broke off: " + e.getMessage(), null, null);
            throw new ApiException(400, "upload-failed", "Upload failed", "The upload broke off before its end.", null, null);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = jobs.findById(id);
            job.bytesTotal = size;
            job.state = ImportJob.State.RUNNING;
            job.updatedAt = Instant.now();
        });
        // The answer is the job as it starts: a small file may be done before the answer is written.
        ImportJobView started = find(id);
        runner.execute(() -> run(id, file, size, reader, moderate, actor, kind));
        return started;
    }

    public ImportJobView find(long id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            ImportJob job = jobs.findById(id);
            if (job == null) {
                throw ApiException.notFound("No import with id " + id + ".");
            }
            return view(job);
        });
    }

    /** A new job in RECEIVED, after failing those whose instance stopped; 409 while another runs. */
    private long create(String kind, String options, String actor) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Instant now = Instant.now();
                for (ImportJob stale : jobs.list("state in ?1 and updatedAt < ?2",
                        List.of(ImportJob.State.RECEIVED, ImportJob.State.RUNNING), now.minus(STALE))) {
                    stale.state = ImportJob.State.FAILED;
                    stale.message = "The instance running this import stopped; nothing of it was kept.";
                    stale.finishedAt = now;
                    stale.updatedAt = now;
                }
                jobs.flush();
                if (jobs.count("state in ?1", List.of(ImportJob.State.RECEIVED, ImportJob.State.RUNNING)) > 0) {
                    throw ApiException.conflict("Another import is running; wait for it to finish.");
                }
                ImportJob job = new ImportJob();
                job.kind = kind;
                job.options = options;
                job.actor = actor;
                job.state = ImportJob.State.RECEIVED;
                job.createdAt = now;
                job.updatedAt = now;
                jobs.persist(job);
                jobs.flush();
                return job.id;
            });
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException) {
                    // Another instance created its job at the same moment (import_job_active_idx).
                    throw ApiException.conflict("Another import is running; wait for it to finish.");
                }
            }
            throw e;
        }
    }

    /** Copies the upload, telling every instance it is still arriving. */
    private long copy(InputStream in, OutputStream out, long id) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        Instant reported = Instant.now();
        for (int n; (n = in.read(buffer)) > 0;) {
            out.write(buffer, 0, n);
            total += n;
            if (Duration.between(reported, Instant.now()).compareTo(PROGRESS_EVERY) > 0) {
                reported = Instant.now();
                long received = total;
                QuarkusTransaction.requiringNew().run(() -> {
                    ImportJob job = jobs.findById(id);
                    job.bytesTotal = received;
                    job.updatedAt = Instant.now();
                });
            }
        }
        return total;
    }

    private void run(long id, Path file, long size, Reader reader, boolean moderate, String actor, String kind) {
        List<ImportCounts.Error> errors = new ArrayList<>();
        ImportCounts counts = new ImportCounts();
        try (CountingStream in = new CountingStream(Files.newInputStream(file));
                CommentSink sink = new CommentSink(store, moderate ? moderation : null, rules.current(), counts, errors,
                        kind.equals("backup"))) {
            sink.onProgress(() -> progress(id, in.count, counts, errors));
            reader.read(in, sink);
            sink.commit();
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob job = jobs.findById(id);
                Instant now = Instant.now();
                job.state = ImportJob.State.SUCCEEDED;
                job.bytesRead = size;
                write(job, counts, errors);
                job.finishedAt = now;
                job.updatedAt = now;
                audit.record(new AuditLog.Event(actor, "IMPORT", null, null, null, null, null, null,
                        "Import " + id + " (" + kind + ", " + (job.options == null ? "" : job.options) + "): "
                                + job.counts), now);
            });
            changes.fire(PublicCommentsChanged.ALL); // after the commit: every article's public pages
            LOG.infof("Import %d (%s) finished: %s", id, kind, json.writeValueAsString(counts));
        } catch (ImportFailure e) {
            fail(id, e.getMessage(), counts, errors);
        } catch (Exception e) {
            LOG.errorf(e, "Import %d (%s) failed", id, kind);
            fail(id, e instanceof SQLException ? "The database refused the import (" + e.getMessage() + "); nothing was kept."
                    : "The import failed (" + e + "); nothing was kept.", counts, errors);
        } finally {
            delete(file);
        }
    }

    private void progress(long id, long bytesRead, ImportCounts counts, List<ImportCounts.Error> errors) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = jobs.findById(id);
            job.bytesRead = bytesRead;
            write(job, counts, errors);
            job.updatedAt = Instant.now();
        });
    }

    private void fail(long id, String message, ImportCounts counts, List<ImportCounts.Error> errors) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob job = jobs.findById(id);
                Instant now = Instant.now();
                job.state = ImportJob.State.FAILED;
                job.message = message;
                if (counts != null) {
                    // What was read before the failure, none of which was kept.
                    write(job, counts, errors);
                }
                job.finishedAt = now;
                job.updatedAt = now;
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import %d: could not record its failure (%s)", id, message);
        }
    }

    private void write(ImportJob job, ImportCounts counts, List<ImportCounts.Error> errors) {
        try {
            job.counts = json.writeValueAsString(counts);
            job.errors = json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImportJobView view(ImportJob job) {
        ImportCounts counts;
        List<ImportCounts.Error> errors;
        try {
            counts = json.readValue(job.counts, ImportCounts.class);
            errors = json.readValue(job.errors, new TypeReference<List<ImportCounts.Error>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        double progress = job.state == ImportJob.State.SUCCEEDED ? 100
                : job.bytesTotal == 0 || job.state == ImportJob.State.RECEIVED ? 0
                        : Math.min(100, Math.round(1000.0 * job.bytesRead / job.bytesTotal) / 10.0);
        return new ImportJobView(job.id, job.kind, job.state, progress, job.bytesTotal, job.bytesRead, counts, errors,
                job.message, job.options, job.actor, job.createdAt, job.updatedAt, job.finishedAt);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete the import's temporary file %s", file);
        }
    }

    /** Counts the bytes read, for the progress. */
    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
