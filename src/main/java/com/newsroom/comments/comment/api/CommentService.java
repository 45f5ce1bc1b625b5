package com.newsroom.comments.comment.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import com.newsroom.comments.article.ArticleIds;
import com.newsroom.comments.bots.BotCheck;
import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.comment.CommentRepository;
import com.newsroom.comments.comment.CommentSubmission;
import com.newsroom.comments.comment.ModerationReason;
import com.newsroom.comments.comment.SubmissionValidator;
import com.newsroom.comments.comment.pages.PublicComment;
import com.newsroom.comments.comment.pages.PublicCommentReader;
import com.newsroom.comments.comment.store.CommentDraft;
import com.newsroom.comments.comment.store.CommentWriter;
import com.newsroom.comments.common.PagedList;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.moderation.ModerationMetrics;
import com.newsroom.comments.moderation.ModerationService;
import com.newsroom.comments.moderation.rule.ActiveRules;
import com.newsroom.comments.problem.ApiException;
import com.newsroom.comments.problem.Problem.FieldError;

/** Takes a reader's comment through validation, moderation, the article's settings, and duplicate and flood checks. */
@ApplicationScoped
public class CommentService {

    static final int MAX_USER_AGENT = 512;
    /** Comments longer than this are moderated on a worker thread: PATTERN rules may take their whole budget on them. */
    static final int LONG_TEXT = 2_000;

    private final CommentRepository comments;
    private final CommentWriter writer;
    private final ModerationService moderation;
    private final ActiveRules activeRules;
    private final ModerationMetrics metrics;
    private final SubmissionValidator validator;
    private final Clock clock;
    private final Duration writeTimeout;
    private final PublicCommentReader publicComments;
    private final BotCheck bots;
    /** Where long comments are moderated: a bounded pool (comments.rules.long-text-threads). */
    private final ThreadPoolExecutor longTexts;

    @Inject
    public CommentService(CommentRepository comments, CommentWriter writer, ModerationService moderation,
            ActiveRules activeRules, ModerationMetrics metrics, CommentsConfig config, Validator beanValidator,
            PublicCommentReader publicComments, BotCheck bots) {
        this.publicComments = publicComments;
        this.bots = bots;
        this.metrics = metrics;
        this.comments = comments;
        this.writer = writer;
        this.moderation = moderation;
        this.activeRules = activeRules;
        this.validator = new SubmissionValidator(beanValidator, config.limits());
        this.clock = Clock.systemUTC();
        this.writeTimeout = config.write().timeout();
        int threads = config.rules().longTextThreads().orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        AtomicInteger count = new AtomicInteger();
        this.longTexts = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.rules().longTextQueue()), task -> {
                    Thread thread = new Thread(task, "long-text-moderation-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @PreDestroy
    void stop() {
        longTexts.shutdownNow();
    }

    /** Who sent the comment, as the HTTP layer saw it. */
    public record Origin(String ipAddress, String userAgent) {
    }

    /**
     * Validates and moderates the comment, then stores it through the {@link CommentWriter}'s group
     * commits, which also run the checks that need the database (closed article, duplicate, flood, the
     * author's history). The result is emitted on the caller's Vert.x context, never on a writer thread.
     * <p>
     * Almost every comment needs no database before the writer: it is validated and moderated right
     * here, on the event loop that read it (tens of microseconds), with no hop to a worker thread. A reply
     * (its parent is looked up) and a comment that arrives before the first rule load go to a worker; a
     * long comment (PATTERN rules may spend their budget, {@code CompiledRules.PATTERN_BUDGET_MILLIS}, on
     * it) to the long-text pool, whose few threads leave the other cores to the event loops, health checks
     * and the database however many hostile texts arrive (503 when its queue is full).
     */
    public Uni<Comment> submit(String articleId, CommentSubmission raw, Origin origin) {
        CommentSubmission submission = raw.normalized();
        Uni<CommentDraft> draft = Uni.createFrom().item(() -> draft(articleId, submission, origin));
        // Replies and proof-of-work solutions (spent in the database) go to a worker, long texts to the
        // long-text pool (moderated off the event loop, on a bounded share of the cores).
        if (submission.parentId() != null || !activeRules.isLoaded() || bots.mayClaim(submission, origin.ipAddress())) {
            draft = draft.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        } else if (submission.text() != null && submission.text().length() > LONG_TEXT) {
            draft = draft.runSubscriptionOn(longTexts)
                    .onFailure(RejectedExecutionException.class).transform(e -> CommentWriter.busy());
        }
        Context caller = Vertx.currentContext();
        Uni<Comment> stored = draft.onItem().transformToUni(this::store);
        // Here, not on the writer threads: they are what every submission waits for.
        return (caller == null ? stored : stored.emitOn(task -> caller.runOnContext(ignored -> task.run())))
                .invoke(comment -> {
                    metrics.submitted(comment.status, comment.reasons);
                    bots.observe(origin.ipAddress(), comment.status);
                });
    }

    /**
     * The draft through the writer. After {@code comments.write.timeout} a draft still queued is cancelled
     * and answered 503 (it will never be stored); one a writer already has is answered with its outcome,
     * whenever that comes (bounded by the database's timeouts): a 503 never stands for a comment that may
     * still be stored.
     */
    private Uni<Comment> store(CommentDraft draft) {
        CommentWriter.Ticket ticket = writer.submit(draft);
        return Uni.createFrom().completionStage(ticket.result())
                .ifNoItem().after(writeTimeout).recoverWithUni(() -> ticket.cancel()
                        ? Uni.createFrom().failure(CommentWriter.busy())
                        : Uni.createFrom().completionStage(ticket.result()));
    }

    /** Validation and moderation: everything about the comment that needs no database, unless it is a reply. */
    private CommentDraft draft(String articleId, CommentSubmission submission, Origin origin) {
        List<FieldError> errors = new ArrayList<>();
        if (!ArticleIds.isValid(articleId)) {
            errors.add(FieldError.of("articleId", ArticleIds.CODE));
        }
        errors.addAll(validator.validate(submission));
        // Replies are few: one query here keeps every invalid field in one answer.
        if (submission.parentId() != null && QuarkusTransaction.joiningExisting()
                .call(() -> comments.findApproved(articleId, submission.parentId())) == null) {
            errors.add(FieldError.of("parentId", "parentId.unknown"));
        }
        // Microseconds: what PostgreSQL stores, so the returned createdAt equals the stored one.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String ip = origin.ipAddress();
        // Bots before moderation: their 400s join the field errors, and a honeypot hit skips the rules.
        BotCheck.Screening screening = bots.screen(articleId, submission, ip, errors, now);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        if (screening.solution() != null) {
            bots.claim(screening.solution(), ip);
        }
        ActiveRules.Snapshot rules = activeRules.current();
        List<ModerationReason> reasons = screening.reasons();
        if (!screening.spam()) {
            List<ModerationReason> found = moderation.evaluate(rules, submission, ip);
            if (!reasons.isEmpty()) {
                found.addAll(0, reasons);
            }
            reasons = found;
        }
        return CommentDraft.of(articleId, submission, ip, truncate(origin.userAgent(), MAX_USER_AGENT), rules, reasons, now);
    }

    /** A public page with the article's total; plain JDBC, it runs on every public-page cache miss. */
    public PagedList<PublicComment> approvedPage(String articleId, int page, int size) {
        return publicComments.approvedPage(articleId, page, size);
    }

    public Comment approved(String articleId, long id) {
        Comment comment = comments.findApproved(articleId, id);
        if (comment == null) {
            throw notPublished(articleId, id);
        }
        return comment;
    }

    /** 404 for a comment readers cannot see: unknown, not published, or on another article. */
    public static ApiException notPublished(String articleId, long id) {
        return ApiException.of(404, "not-found", "Not found", null, "comment.not_found", String.valueOf(id), articleId);
    }

    private static String truncate(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
