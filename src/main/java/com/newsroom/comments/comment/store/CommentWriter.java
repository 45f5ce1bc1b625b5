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
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.PublicCommentsChanged;
import com.newsroom.comments.comment.QueueActivity;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.event.OutboxWritten;
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

    /** 503 for a draft no writer took in time: it will never be stored. */
    public static ApiException busy() {
        return ApiException.of(503, "service-unavailable", "Service unavailable", Duration.ofSeconds(1), "comment.busy");
    }

    /**
     * A queued draft. Either a writer takes it into a batch or its submitter cancels it while it is still
     * queued, never both: a cancelled draft is never stored, and a taken one is always answered with the
     * batch's outcome.
     */
    public static final class Ticket {

        private static final int QUEUED = 0;
        private static final int TAKEN = 1;
        private static final int CANCELLED = 2;

        private final CommentDraft draft;
        private final CompletableFuture<Comment> result = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(QUEUED);

        Ticket(CommentDraft draft) {
            this.draft = draft;
        }

        CommentDraft draft() {
            return draft;
        }

        CompletableFuture<Comment> outcome() {
            return result;
        }

        /**
         * The stored comment, or the {@link ApiException} that refused it (403, 409, 429; 503 when the
         * queue was full or the draft was cancelled), or the database's failure; completes on a writer
         * thread. A copy: cancelling it leaves the ticket as it is.
         */
        public CompletableFuture<Comment> result() {
            return result.copy();
        }

        /**
         * Cancels the draft if no writer has taken it yet: then it will never be stored, the result fails
         * with 503 and this returns true. False once a writer has it: its outcome is still to come.
         */
        public boolean cancel() {
            if (state.compareAndSet(QUEUED, CANCELLED)) {
                result.completeExceptionally(busy());
                return true;
            }
            return state.get() == CANCELLED;
        }

        boolean take() {
            return state.compareAndSet(QUEUED, TAKEN);
        }
    }

    private final CommentStore store;
    private final Event<PublicCommentsChanged> changes;
    private final Event<QueueActivity> activity;
    private final Event<OutboxWritten> outboxWritten;
    private final BlockingQueue<Ticket> queue;
    private final int maxBatch;
    private final Duration shutdownWait;
    private final DistributionSummary batchSizes;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    public CommentWriter(CommentStore store, Event<PublicCommentsChanged> changes, Event<QueueActivity> activity,
            Event<OutboxWritten> outboxWritten, CommentsConfig config, MeterRegistry registry) {
        this.store = store;
        this.changes = changes;
        this.activity = activity;
        this.outboxWritten = outboxWritten;
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
     * Queues the draft; see {@link Ticket#result()}. The caller bounds the wait in the queue
     * ({@code comments.write.timeout}) by {@link Ticket#cancel() cancelling}; once a writer has the draft,
     * the database's own timeouts bound it.
     */
    public Ticket submit(CommentDraft draft) {
        Ticket ticket = new Ticket(draft);
        if (!running || !queue.offer(ticket)) {
            ticket.cancel();
        }
        return ticket;
    }

    private void run(int shard) {
        List<Ticket> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Ticket first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                batch.removeIf(ticket -> !ticket.take()); // cancelled by their submitters: never stored
                if (batch.isEmpty()) {
                    continue;
                }
                batchSizes.record(batch.size());
                storeBatch(batch, shard);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Never lose the thread, and never leave a submission waiting for its timeout (completing
                // an answered one again does nothing).
                LOG.error("Comment writer failed", e);
                batch.forEach(ticket -> ticket.outcome().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void storeBatch(List<Ticket> batch, int shard) {
        List<CommentDraft> drafts = new ArrayList<>(batch.size());
        for (Ticket ticket : batch) {
            drafts.add(ticket.draft());
        }
        CommentStore.Stored stored;
        try {
            stored = store.store(drafts, shard);
        } catch (SQLException | RuntimeException e) {
            if (batch.size() > 1 && !ProblemMappers.isDatabaseUnavailable(e)) {
                LOG.debugf("A batch of %d comments failed (%s); storing them one by one", batch.size(), e.toString());
                for (Ticket ticket : batch) {
                    storeBatch(List.of(ticket), shard);
                }
            } else {
                for (Ticket ticket : batch) {
                    ticket.outcome().completeExceptionally(asDuplicate(e, ticket.draft()));
                }
            }
            return;
        }
        List<CommentStore.Result> results = stored.results();
        Set<String> changedArticles = new LinkedHashSet<>();
        List<Comment> held = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            CommentStore.Result result = results.get(i);
            if (result.refusal() != null) {
                batch.get(i).outcome().completeExceptionally(result.refusal());
                continue;
            }
            if (result.comment().status == CommentStatus.APPROVED) {
                changedArticles.add(result.comment().articleId);
            } else if (result.comment().status == CommentStatus.PENDING) {
                held.add(result.comment());
            }
        }
        // After the commit: the public pages of these articles are out of date now, not before (outside a
        // transaction, the observers of a successful commit are called at once); open queues learn of the held.
        changedArticles.forEach(articleId -> changes.fire(PublicCommentsChanged.added(articleId)));
        held.forEach(c -> activity.fire(new QueueActivity(QueueActivity.Kind.HELD, c.id, c.articleId, c.status)));
        if (stored.events()) {
            outboxWritten.fire(OutboxWritten.INSTANCE); // their comment.created events: delivery wakes
        }
        for (int i = 0; i < batch.size(); i++) {
            if (results.get(i).comment() != null) {
                batch.get(i).outcome().complete(results.get(i).comment());
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
                    return CommentStore.duplicate();
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
