package com.newsroom.comments.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.newsroom.comments.audit.AuditLog;
import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.problem.ApiException;

/**
 * The moderators' side of reports: a comment's reports, the open ones of a queue page, dismissal (with
 * its audit entry), and, inside the moderators' own transactions, resolving a comment's open reports
 * when a moderator decides on it and erasing a reporter's reports with the author's data.
 */
@ApplicationScoped
public class ReportDesk {

    static final String DISMISSED = "DISMISSED";
    static final String DISMISS = "DISMISS_REPORTS";

    private final EntityManager em;
    private final ReportRepository reports;
    private final AuditLog audit;

    public ReportDesk(EntityManager em, ReportRepository reports, AuditLog audit) {
        this.em = em;
        this.reports = reports;
        this.audit = audit;
    }

    /** Every report of the comment, open and resolved, oldest first. */
    public List<ReportView> forComment(long commentId) {
        find(commentId);
        return reports.all(commentId).stream().map(ReportView::of).toList();
    }

    /** The open reports of these comments; comments without any are absent. */
    public Map<Long, ReportSummary> openSummaries(Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return Map.of();
        }
        return reports.open(commentIds).stream().collect(Collectors.groupingBy(r -> r.commentId,
                Collectors.collectingAndThen(Collectors.toList(), ReportSummary::of)));
    }

    @Schema(name = "DismissedReports")
    public record Dismissed(@Schema(example = "51") long commentId, @Schema(example = "3") int dismissed) {
    }

    /** Resolves the comment's open reports as dismissed; the comment stays as it is. */
    @Transactional
    public Dismissed dismiss(long commentId, String note, String actor) {
        Comment comment = find(commentId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int dismissed = resolve(commentId, DISMISSED, actor, now);
        audit.record(new AuditLog.Event(actor, DISMISS, comment.id, comment.articleId, comment.status.name(),
                comment.status.name(), AuditLog.checkNote(note), null, "Dismissed " + dismissed + " open reports"), now);
        return new Dismissed(commentId, dismissed);
    }

    /** Reports in the moderators' counts, overall or for one article. */
    public ReportStats stats(String articleId) {
        String where = articleId == null ? "" : " where r.articleId = :articleId";
        var query = em.createQuery("select r.reason, count(r), sum(case when r.resolvedAt is null then 1 else 0 end)"
                + " from Report r" + where + " group by r.reason", Object[].class);
        var hidden = em.createQuery("select count(distinct c.id) from Comment c join c.reasons why where c.status = :pending"
                + " and why.ruleType = :reports" + (articleId == null ? "" : " and c.articleId = :articleId"), Long.class)
                .setParameter("pending", CommentStatus.PENDING).setParameter("reports", Reporting.REPORTS);
        if (articleId != null) {
            query.setParameter("articleId", articleId);
            hidden.setParameter("articleId", articleId);
        }
        Map<ReportReason, Long> total = new EnumMap<>(ReportReason.class);
        Map<ReportReason, Long> open = new EnumMap<>(ReportReason.class);
        for (ReportReason reason : ReportReason.values()) {
            total.put(reason, 0L);
            open.put(reason, 0L);
        }
        for (Object[] row : query.getResultList()) {
            total.put((ReportReason) row[0], ((Number) row[1]).longValue());
            open.put((ReportReason) row[0], ((Number) row[2]).longValue());
        }
        return new ReportStats(open, total, hidden.getSingleResult());
    }

    private Comment find(long commentId) {
        Comment comment = em.find(Comment.class, commentId);
        if (comment == null) {
            throw ApiException.notFound("There is no comment " + commentId + ".");
        }
        return comment;
    }

    /**
     * Resolves the comment's open reports with {@code resolution}; resolved reports no longer count, and
     * their reporters cannot report the comment again.
     *
     * @return how many reports were open
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resolve(long commentId, String resolution, String actor, Instant now) {
        return em.createQuery("update Report r set r.resolvedAt = ?1, r.resolvedBy = ?2, r.resolution = ?3"
                + " where r.commentId = ?4 and r.resolvedAt is null")
                .setParameter(1, now).setParameter(2, actor).setParameter(3, resolution).setParameter(4, commentId)
                .executeUpdate();
    }

    /** Deletes every report made under this (lower-cased) e-mail address, and its flood-control key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseReporter(String email) {
        em.createNativeQuery(Reporting.FORGET).setParameter(1, Reporting.emailKey(email)).executeUpdate();
        return em.createQuery("delete from Report r where r.email = ?1").setParameter(1, email).executeUpdate();
    }
}
