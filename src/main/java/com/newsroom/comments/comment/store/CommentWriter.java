package com.newsroom.comments.comment.store;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.PublicCommentsChanged;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.problem.ApiException;
import com.newsroom.comments.problem.ProblemMappers;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Stores comments in group commits. When a story breaks, hundreds of readers post at once; one
 * transaction per comment would spend the database's time on round trips and commits. Request threads
 * hand a moderated draft to a queue and wait; each writer thread takes every draft queued meanwhile (up
 * to {@code comments.write.max-batch}) and stores them in one transaction ({@link CommentStore}). Under
 * light load a batch is a single comment, so nothing waits for a batch to fill.
 * <p>
 * A batch that fails as a whole (a unique-key race or a deadlock with another instance, a lost
 * connection) is retried one draft per transaction, so one draft's conflict never fails the others.
 */
@ApplicationScoped
public class CommentWriter {

    private static final Logger LOG = Logger.getLogger(CommentWriter.class);
    public static final String BUSY = "Too many comments are waiting to be stored. Please try again in a moment.";

    private record Pending(CommentDraft draft, CompletableFuture<Comment> result) {
    }

    private final CommentStore store;
    private final Event<PublicCommentsChanged> changes;
    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final Duration shutdownWait;
    private final DistributionSummary batchSizes;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    public CommentWriter(CommentStore store, Event<PublicCommentsChanged> changes, CommentsConfig config,
            MeterRegistry registry) {
        this.store = store;
        this.changes = changes;
        this.queue = new ArrayBlockingQueue<>(config.write().queueCapacity());
        this.maxBatch = config.write().maxBatch();
        this.shutdownWait = config.write().timeout();
        this.batchSizes = DistributionSummary.builder("comments.write.batch.size")
                .description("Comments stored per transaction").register(registry);
        for (int i = 1; i <= config.write().writers(); i++) {
            int shard = i; // this writer's row of each article's approved count; moderators use 0
            Thread writer = new Thread(() -> run(shard), "comment-writer-" + i);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    /**
     * Queues the draft. The result completes, on a writer thread, with the stored comment or with the
     * {@link ApiException} that refused it (403, 409, 429; 503 at once when the queue is full), or the
     * database's failure. The caller bounds the wait ({@code comments.write.timeout}).
     */
    public CompletableFuture<Comment> submit(CommentDraft draft) {
        Pending pending = new Pending(draft, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            return CompletableFuture.failedFuture(ApiException.unavailable(BUSY, Duration.ofSeconds(1)));
        }
        return pending.result();
    }

    private void run(int shard) {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                batchSizes.record(batch.size());
                storeBatch(batch, shard);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Never lose the thread, and never leave a submission waiting for its timeout (completing
                // an answered one again does nothing).
                LOG.error("Comment writer failed", e);
                batch.forEach(pending -> pending.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void storeBatch(List<Pending> batch, int shard) {
        List<CommentDraft> drafts = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            drafts.add(pending.draft());
        }
        List<CommentStore.Result> results;
        try {
            results = store.store(drafts, shard);
        } catch (SQLException | RuntimeException e) {
            if (batch.size() > 1 && !ProblemMappers.isDatabaseUnavailable(e)) {
                LOG.debugf("A batch of %d comments failed (%s); storing them one by one", batch.size(), e.toString());
                for (Pending pending : batch) {
                    storeBatch(List.of(pending), shard);
                }
            } else {
                for (Pending pending : batch) {
                    pending.result().completeExceptionally(asDuplicate(e, pending.draft()));
                }
            }
            return;
        }
        Set<String> changedArticles = new LinkedHashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            CommentStore.Result result = results.get(i);
            if (result.refusal() != null) {
                batch.get(i).result().completeExceptionally(result.refusal());
                continue;
            }
            if (result.comment().status == CommentStatus.APPROVED) {
                changedArticles.add(result.comment().articleId);
            }
        }
        // After the commit: the public pages of these articles are out of date now, not before (outside a
        // transaction, the observers of a successful commit are called at once).
        changedArticles.forEach(articleId -> changes.fire(new PublicCommentsChanged(articleId)));
        for (int i = 0; i < batch.size(); i++) {
            if (results.get(i).comment() != null) {
                batch.get(i).result().complete(results.get(i).comment());
            }
        }
    }

    /** A concurrent double submit through another instance got there first: the unique dedup key refused this one. */
    private static Exception asDuplicate(Exception e, CommentDraft draft) {
        if (draft.dedupKey() == null) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if ("23505".equals(sql.getSQLState()) && sql.getMessage() != null
                        && sql.getMessage().toLowerCase(Locale.ROOT).contains("dedup")) {
                    return ApiException.duplicate(CommentStore.DUPLICATE);
                }
            }
        }
        return e;
    }

    /** Stops taking drafts and stores the queued ones before the application stops. */
    @PreDestroy
    void stop() {
        running = false;
        for (Thread writer : writers) {
            try {
                writer.join(shutdownWait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
