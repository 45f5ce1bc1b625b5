package com.newsroom.comments.report;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.validation.Validator;

import io.quarkus.narayana.jta.QuarkusTransaction;

import com.newsroom.comments.article.ArticleIds;
import com.newsroom.comments.audit.AuditLog;
import com.newsroom.comments.comment.ApprovedCounts;
import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.ModerationReason;
import com.newsroom.comments.comment.PublicCommentsChanged;
import com.newsroom.comments.comment.SubmissionValidator;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.event.Outbox;
import com.newsroom.comments.problem.ApiException;
import com.newsroom.comments.problem.Problem.FieldError;

/**
 * Takes a reader's report: validation, the published comment (locked, so concurrent reports on any
 * instance are counted one after the other), flood control per reporter key, the report (a reporter's
 * second report on a comment changes nothing) and, when the {@link ReportPolicy} says so, the comment's
 * return to the queue, in one transaction with its audit entry and the readers' pages' eviction.
 */
@ApplicationScoped
public class Reporting {

    static final int MAX_NOTE = 500;
    /** The moderation reason's rule type of a comment hidden by reports, and the audit log's actor. */
    public static final String REPORTS = "REPORTS";
    static final String HIDE = "HIDE_REPORTED";

    /**
     * Inserts a report unless this reporter already reported this comment (open or resolved). Parameters:
     * comment id, article id, reporter, e-mail, address, reason, note, time.
     */
    static final String INSERT = """
            insert into comment_report (id, comment_id, article_id, reporter, email, ip_address, reason, note, created_at)
            values (nextval('comment_report_seq'), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            on conflict (comment_id, reporter) do nothing""";

    /**
     * Counts a report against a reporter key's window (a new window when the last one started before
     * ?3), unless the window is full; one row changed when allowed. Parameters: key, now, now minus the
     * window, the most reports per window.
     */
    static final String THROTTLE = """
            insert into report_throttle (throttle_key, window_start, reports) values (?1, ?2, 1)
            on conflict (throttle_key) do update set
                window_start = case when report_throttle.window_start <= ?3 then excluded.window_start else report_throttle.window_start end,
                reports = case when report_throttle.window_start <= ?3 then 1 else report_throttle.reports + 1 end
            where report_throttle.window_start <= ?3 or report_throttle.reports < ?4""";

    static final String WINDOW_START = "select window_start from report_throttle where throttle_key = ?1";

    /** Forgets an erased reporter's e-mail key. */
    static final String FORGET = "delete from report_throttle where throttle_key = ?1";

    private final EntityManager em;
    private final ReportRepository reports;
    private final AuditLog audit;
    private final ApprovedCounts approvedCounts;
    private final Event<PublicCommentsChanged> changes;
    private final Event<CommentReported> reported;
    private final ReportMetrics metrics;
    private final Outbox outbox;
    private final SubmissionValidator validator;
    private final ReportPolicy policy;
    private final Duration window;
    private final int maxPerWindow;

    public Reporting(EntityManager em, ReportRepository reports, AuditLog audit, ApprovedCounts approvedCounts,
            Event<PublicCommentsChanged> changes, Event<CommentReported> reported, ReportMetrics metrics,
            CommentsConfig config, Validator beanValidator, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
        this.reports = reports;
        this.audit = audit;
        this.approvedCounts = approvedCounts;
        this.changes = changes;
        this.reported = reported;
        this.metrics = metrics;
        this.validator = new SubmissionValidator(beanValidator, config.limits());
        this.policy = policy(config.reports());
        this.window = config.reports().window();
        this.maxPerWindow = config.reports().maxPerWindow();
    }

    static ReportPolicy policy(CommentsConfig.Reports config) {
        Map<ReportReason, Integer> byReason = new EnumMap<>(ReportReason.class);
        CommentsConfig.ReasonThresholds t = config.reasonThresholds();
        t.spam().ifPresent(v -> byReason.put(ReportReason.SPAM, v));
        t.abuse().ifPresent(v -> byReason.put(ReportReason.ABUSE, v));
        t.offTopic().ifPresent(v -> byReason.put(ReportReason.OFF_TOPIC, v));
        t.personalInfo().ifPresent(v -> byReason.put(ReportReason.PERSONAL_INFO, v));
        t.other().ifPresent(v -> byReason.put(ReportReason.OTHER, v));
        return new ReportPolicy(config.holdThreshold(), byReason);
    }

    /** What a report did; readers are never told. */
    public record Outcome(boolean counted, boolean hidden) {
    }

    /** A checked report. */
    record Checked(ReportReason reason, String note, String email) {
    }

    public Outcome report(String articleId, long commentId, ReportRequest request, String ipAddress) {
        Checked checked = check(articleId, request);
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> store(articleId, commentId, checked, ipAddress));
        if (outcome.counted()) {
            metrics.counted(checked.reason(), outcome.hidden());
        }
        return outcome;
    }

    /** Every invalid field at once, in the comments' problem details. */
    Checked check(String articleId, ReportRequest request) {
        ReportRequest r = request != null ? request : new ReportRequest(null, null, null);
        List<FieldError> errors = new ArrayList<>();
        if (!ArticleIds.isValid(articleId)) {
            errors.add(FieldError.of("articleId", ArticleIds.CODE));
        }
        ReportReason reason = ReportReason.parse(r.reason());
        if (reason == null) {
            errors.add(FieldError.of("reason", "reason.invalid"));
        }
        String note = r.note() == null || r.note().isBlank() ? null : r.note().strip();
        if (note != null) {
            int length = note.codePointCount(0, note.length());
            if (SubmissionValidator.hasUnstorableCharacter(note, true)) {
                errors.add(FieldError.of("note", "note.unstorable"));
            } else if (length > MAX_NOTE) {
                errors.add(FieldError.of("note", "note.too_long", String.valueOf(MAX_NOTE), String.valueOf(length)));
            }
        }
        String email = r.email() == null || r.email().isBlank() ? null : r.email().strip().toLowerCase(Locale.ROOT);
        errors.addAll(validator.validateEmail(email));
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new Checked(reason, note, email);
    }

    /** In the caller's transaction; a thrown problem rolls everything back, the flood-control time included. */
    Outcome store(String articleId, long commentId, Checked report, String ipAddress) {
        Comment comment = em.find(Comment.class, commentId, LockModeType.PESSIMISTIC_WRITE);
        if (comment == null || !comment.articleId.equals(articleId) || comment.status != CommentStatus.APPROVED) {
            throw ApiException.of(404, "not-found", "Not found", null, "comment.not_found", String.valueOf(commentId), articleId);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        throttle(report.email(), ipAddress, now);
        String reporter = report.email() != null ? "email:" + report.email() : "ip:" + ipAddress;
        int inserted = em.createNativeQuery(INSERT).setParameter(1, commentId).setParameter(2, articleId)
                .setParameter(3, reporter).setParameter(4, report.email()).setParameter(5, ipAddress)
                .setParameter(6, report.reason().name()).setParameter(7, report.note()).setParameter(8, now)
                .executeUpdate();
        if (inserted == 0) {
            return new Outcome(false, false);
        }
        List<ReportPolicy.Open> open = reports.open(commentId).stream()
                .map(r -> new ReportPolicy.Open(r.reporter, r.ipAddress, r.reason)).toList();
        Optional<ReportPolicy.Tally> hold = policy.hold(open);
        hold.ifPresent(tally -> hide(comment, tally, now));
        outbox.reported(commentId, report.reason().name(), hold.isPresent(), now);
        reported.fire(new CommentReported(commentId, articleId, report.reason(), hold.isPresent()));
        return new Outcome(true, hold.isPresent());
    }

    /** Back to the queue with a REPORTS reason (the latest tally replaces an earlier one); gone for readers on commit. */
    private void hide(Comment comment, ReportPolicy.Tally tally, Instant now) {
        String detail = "Reported by " + tally.describe();
        comment.status = CommentStatus.PENDING;
        comment.updatedAt = now;
        comment.reasons.removeIf(r -> REPORTS.equals(r.ruleType));
        comment.reasons.add(new ModerationReason(null, REPORTS, null, null, null, null, "HOLD", detail));
        ApprovedCounts.Deltas approved = new ApprovedCounts.Deltas();
        approved.change(comment.articleId, true, false);
        approvedCounts.apply(em, approved);
        changes.fire(new PublicCommentsChanged(comment.articleId));
        audit.record(new AuditLog.Event(REPORTS, HIDE, comment.id, comment.articleId, CommentStatus.APPROVED.name(),
                CommentStatus.PENDING.name(), null, null, detail), now);
    }

    /** Flood control: every key of the reporter (address, e-mail) must have room in its window. */
    private void throttle(String email, String ipAddress, Instant now) {
        if (window.isZero() || window.isNegative()) {
            return;
        }
        SortedSet<String> keys = new TreeSet<>(); // one lock order for every transaction
        if (ipAddress != null) {
            keys.add("ip:" + ipAddress);
        }
        if (email != null) {
            keys.add(emailKey(email));
        }
        Instant since = now.minus(window);
        for (String key : keys) {
            int taken = em.createNativeQuery(THROTTLE).setParameter(1, key).setParameter(2, now)
                    .setParameter(3, since).setParameter(4, maxPerWindow).executeUpdate();
            if (taken == 0) {
                Instant start = ((OffsetDateTime) em.createNativeQuery(WINDOW_START, OffsetDateTime.class)
                        .setParameter(1, key).getSingleResult()).toInstant();
                throw ApiException.of(429, "too-many-requests", "Too many requests", Duration.between(now, start.plus(window)),
                        "report.too_fast");
            }
        }
    }

    static String emailKey(String email) {
        return "email:" + email;
    }
}
