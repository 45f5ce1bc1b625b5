package com.newsroom.comments.queue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import com.newsroom.comments.audit.AuditLog;
import com.newsroom.comments.comment.ApprovedCounts;
import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.comment.CommentRepository;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.CommentSubmission;
import com.newsroom.comments.comment.PublicCommentsChanged;
import com.newsroom.comments.comment.QueueActivity;
import com.newsroom.comments.comment.SubmissionValidator;
import com.newsroom.comments.comment.store.SubmissionThrottle;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.event.EventType;
import com.newsroom.comments.event.Outbox;
import com.newsroom.comments.moderation.engine.RuleAction;
import com.newsroom.comments.moderation.engine.RuleType;
import com.newsroom.comments.moderation.rule.RuleRequest;
import com.newsroom.comments.moderation.rule.RuleStore;
import com.newsroom.comments.problem.ApiException;
import com.newsroom.comments.problem.Problem.FieldError;
import com.newsroom.comments.report.ReportDesk;

/**
 * Moderator decisions on comments. Every change, its audit entry and its events (the outbox) are written
 * in one transaction, and every change checks the comment's version, so two moderators never overwrite
 * each other.
 */
@ApplicationScoped
public class CommentModeration {

    static final int MAX_BULK = 500;

    private final CommentRepository comments;
    private final AuditLog audit;
    private final RuleStore rules;
    private final EntityManager em;
    private final SubmissionValidator validator;
    private final Event<PublicCommentsChanged> changes;
    private final Event<QueueActivity> activity;
    private final ApprovedCounts approvedCounts;
    private final ReportDesk reports;
    private final Outbox outbox;

    public CommentModeration(CommentRepository comments, AuditLog audit, RuleStore rules, EntityManager em,
            CommentsConfig config, Validator beanValidator, Event<PublicCommentsChanged> changes,
            Event<QueueActivity> activity, ApprovedCounts approvedCounts, ReportDesk reports, Outbox outbox) {
        this.activity = activity;
        this.reports = reports;
        this.outbox = outbox;
        this.changes = changes;
        this.approvedCounts = approvedCounts;
        this.comments = comments;
        this.audit = audit;
        this.rules = rules;
        this.em = em;
        this.validator = new SubmissionValidator(beanValidator, config.limits());
    }

    /** The outcome of a decision, and whether it created a rule (so the caller reloads the rules). */
    public record Decided(ModeratedComment comment, boolean rulesChanged) {
    }

    @Transactional
    public Decided decide(long id, ModeratorAction action, DecisionRequest request, Long expectedVersion, String actor) {
        String note = AuditLog.checkNote(request == null ? null : request.note());
        boolean block = request != null && Boolean.TRUE.equals(request.blockAuthor());
        if (block && action != ModeratorAction.SPAM) {
            throw ApiException.invalidField("blockAuthor", "blockAuthor goes with the spam decision only.");
        }
        Comment comment = find(id);
        checkVersion(comment, expectedVersion);
        Instant now = now();
        ApprovedCounts.Deltas approved = new ApprovedCounts.Deltas();
        apply(comment, action, note, actor, now, approved);
        approvedCounts.apply(em, approved);
        boolean rulesChanged = false;
        if (block && (comment.email != null || comment.ipAddress != null)) {
            rules.create(new RuleRequest(RuleType.AUTHORS, RuleAction.SPAM, true,
                    "Blocked by " + actor + " when marking comment " + id + " as spam",
                    null, null, null, null, null, null, null, null, null, null,
                    comment.email == null ? null : List.of(comment.email), null,
                    comment.ipAddress == null ? null : List.of(comment.ipAddress), null), actor);
            rulesChanged = true;
        }
        flush(expectedVersion != null);
        outbox.comments(action.event, List.of(comment.id), actor, now);
        return new Decided(ModeratedComment.of(comment), rulesChanged);
    }

    /** All or nothing: an unknown id or an impossible change leaves every comment as it was. */
    @Transactional
    public BulkReport bulk(BulkRequest request, String actor) {
        if (request == null || request.ids() == null || request.ids().isEmpty()) {
            throw ApiException.invalidField("ids", "Send the ids of the comments to change.");
        }
        if (request.ids().size() > MAX_BULK) {
            throw ApiException.invalidField("ids", "At most " + MAX_BULK + " comments at once.");
        }
        ModeratorAction action = parseAction(request.action());
        String note = AuditLog.checkNote(request.note());
        Set<Long> ids = new LinkedHashSet<>(request.ids());
        ids.remove(null);
        Map<Long, Comment> found = comments.list("id in ?1", ids).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<Long> missing = ids.stream().filter(i -> !found.containsKey(i)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.notFound("No comment with id " + missing + "; nothing was changed.");
        }
        Instant now = now();
        List<BulkReport.Change> changed = new ArrayList<>();
        List<Long> unchanged = new ArrayList<>();
        List<Comment> touched = new ArrayList<>();
        ApprovedCounts.Deltas approved = new ApprovedCounts.Deltas();
        for (Long id : ids) {
            Comment comment = found.get(id);
            CommentStatus from = comment.status;
            if (from == action.target && action != ModeratorAction.RESTORE) {
                unchanged.add(id);
                continue;
            }
            apply(comment, action, note, actor, now, approved);
            touched.add(comment);
            changed.add(new BulkReport.Change(id, from.name(), comment.status.name(), 0));
        }
        approvedCounts.apply(em, approved);
        flush(false);
        outbox.comments(action.event, changed.stream().map(BulkReport.Change::id).toList(), actor, now);
        for (int i = 0; i < changed.size(); i++) {
            BulkReport.Change c = changed.get(i);
            changed.set(i, new BulkReport.Change(c.id(), c.fromStatus(), c.toStatus(), touched.get(i).version));
        }
        return new BulkReport(action.name().toLowerCase(Locale.ROOT), changed, unchanged);
    }

    @Transactional
    public ModeratedComment edit(long id, EditRequest request, Long expectedVersion, String actor) {
        String text = request == null ? null : request.text();
        List<FieldError> errors = validator.validate(new CommentSubmission("moderator", text, null, null, null));
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String note = AuditLog.checkNote(request.note());
        Comment comment = find(id);
        checkVersion(comment, expectedVersion);
        if (!comment.text.equals(text)) {
            Instant now = now();
            audit.record(new AuditLog.Event(actor, "EDIT", comment.id, comment.articleId, comment.status.name(),
                    comment.status.name(), note, comment.text, null), now);
            comment.text = text;
            comment.updatedAt = now;
            if (comment.status == CommentStatus.APPROVED) {
                changes.fire(new PublicCommentsChanged(comment.articleId));
            }
            flush(expectedVersion != null);
            outbox.comments(EventType.COMMENT_EDITED, List.of(comment.id), actor, now);
            decided(comment, comment.status);
        }
        return ModeratedComment.of(comment);
    }

    @Transactional
    public void delete(long id, Long expectedVersion, String actor) {
        Comment comment = find(id);
        checkVersion(comment, expectedVersion);
        Instant now = now();
        audit.record(new AuditLog.Event(actor, "DELETE", comment.id, comment.articleId, comment.status.name(), null,
                null, null, null), now);
        outbox.comments(EventType.COMMENT_DELETED, List.of(comment.id), actor, now); // the comment as it was
        comments.delete(comment);
        ApprovedCounts.Deltas approved = new ApprovedCounts.Deltas();
        approved.change(comment.articleId, comment.status == CommentStatus.APPROVED, false);
        approvedCounts.apply(em, approved);
        changes.fire(new PublicCommentsChanged(comment.articleId));
        decided(comment, null);
        // Replies keep their place in the thread: the database sets their parent to null.
        flush(expectedVersion != null);
    }

    /** Erases every comment by this e-mail address and what the audit log holds of their text. */
    @Transactional
    public int eraseAuthor(String email, String actor) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (address.isEmpty() || address.indexOf('@') < 1) {
            throw ApiException.invalidField("email", "Give the author's e-mail address.");
        }
        List<Long> ids = em.createQuery("select c.id from Comment c where c.email = ?1", Long.class)
                .setParameter(1, address).getResultList();
        Instant now = now();
        outbox.authorErased(address, ids, actor, now);
        if (!ids.isEmpty()) {
            em.createQuery("update AuditEntry a set a.previousText = null where a.commentId in ?1")
                    .setParameter(1, ids).executeUpdate();
            ApprovedCounts.Deltas approved = new ApprovedCounts.Deltas();
            for (Long id : ids) {
                Comment comment = comments.findById(id);
                approved.change(comment.articleId, comment.status == CommentStatus.APPROVED, false);
                decided(comment, null);
                comments.delete(comment);
            }
            approvedCounts.apply(em, approved);
        }
        changes.fire(PublicCommentsChanged.ALL);
        SubmissionThrottle.forget(em, address);
        int reportsErased = reports.eraseReporter(address);
        audit.record(new AuditLog.Event(actor, "ERASE_AUTHOR", null, null, null, null, null, null,
                "Erased an author's data: " + ids.size() + " comments, " + reportsErased + " reports"), now);
        em.flush();
        return ids.size();
    }

    public static ModeratorAction parseAction(String value) {
        if (value != null) {
            for (ModeratorAction action : ModeratorAction.values()) {
                if (action.name().equalsIgnoreCase(value.strip())) {
                    return action;
                }
            }
        }
        throw ApiException.invalidField("action", "action must be one of approve, hold, spam, reject, restore.");
    }

    private void apply(Comment comment, ModeratorAction action, String note, String actor, Instant now,
            ApprovedCounts.Deltas approved) {
        CommentStatus from = comment.status;
        if (action == ModeratorAction.RESTORE && from != CommentStatus.SPAM && from != CommentStatus.REJECTED) {
            throw ApiException.conflict("Comment " + comment.id + " is " + from
                    + ": only spam or rejected comments can be restored.");
        }
        if (from == CommentStatus.APPROVED || action.target == CommentStatus.APPROVED) {
            changes.fire(new PublicCommentsChanged(comment.articleId));
        }
        approved.change(comment.articleId, from == CommentStatus.APPROVED, action.target == CommentStatus.APPROVED);
        comment.status = action.target;
        decided(comment, action.target);
        comment.moderatedBy = actor;
        comment.moderatedAt = now;
        comment.updatedAt = now;
        // Deciding a comment's fate answers its reports; holding or restoring it does not.
        int resolved = action.resolvesReports ? reports.resolve(comment.id, action.name(), actor, now) : 0;
        audit.record(new AuditLog.Event(actor, action.name(), comment.id, comment.articleId, from.name(),
                action.target.name(), note, null, resolved == 0 ? null : "Resolved " + resolved + " open reports"), now);
    }

    /** Tells open queues after the commit; status null: deleted. */
    private void decided(Comment comment, CommentStatus status) {
        activity.fire(new QueueActivity(QueueActivity.Kind.DECIDED, comment.id, comment.articleId, status));
    }

    private Comment find(long id) {
        Comment comment = comments.findById(id);
        if (comment == null) {
            throw ApiException.notFound("There is no comment " + id + ".");
        }
        return comment;
    }

    private static void checkVersion(Comment comment, Long expectedVersion) {
        if (expectedVersion != null && comment.version != expectedVersion) {
            throw ApiException.preconditionFailed("Comment " + comment.id + " has changed since you loaded it (version "
                    + comment.version + ", you sent " + expectedVersion + "). Reload it and decide again.");
        }
    }

    /** Writes now, so that a concurrent change by another moderator is detected here, not at commit. */
    private void flush(boolean conditional) {
        try {
            em.flush();
        } catch (OptimisticLockException | org.hibernate.StaleStateException e) {
            String detail = "Another moderator changed this comment at the same moment. Reload it and decide again.";
            throw conditional ? ApiException.preconditionFailed(detail) : ApiException.conflict(detail);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
