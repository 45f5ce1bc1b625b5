package com.newsroom.comments.migration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.newsroom.comments.audit.AuditEntry;
import com.newsroom.comments.audit.AuditLog;
import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.problem.ApiException;
import com.newsroom.comments.report.Report;

/**
 * An author's data on request (GDPR art. 15): their comments with everything moderators see, the
 * reports they made, the addresses and browsers stored, and the audit entries about their comments.
 * The export itself is audited (who, when, how much; not the address, which an erasure must not leave
 * behind), in the same transaction as the reads.
 */
@ApplicationScoped
public class AuthorExport {

    private final EntityManager em;
    private final AuditLog audit;

    public AuthorExport(EntityManager em, AuditLog audit) {
        this.em = em;
        this.audit = audit;
    }

    @Transactional
    public AuthorData export(String email, String actor) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (address.isEmpty() || address.indexOf('@') < 1) {
            throw ApiException.invalidField("email", "Give the author's e-mail address.");
        }
        List<Comment> comments = em.createQuery("select c from Comment c where c.email = ?1 order by c.createdAt, c.id",
                Comment.class).setParameter(1, address).getResultList();
        Map<Long, String[]> sources = importSources(comments.stream().map(c -> c.id).toList());
        TreeSet<String> ips = new TreeSet<>();
        TreeSet<String> agents = new TreeSet<>();
        List<AuthorData.AuthorComment> commentViews = new ArrayList<>(comments.size());
        for (Comment c : comments) {
            String[] source = sources.getOrDefault(c.id, new String[2]);
            commentViews.add(new AuthorData.AuthorComment(c.id, c.articleId, c.parentId, c.name, c.email, c.website, c.text,
                    c.status.name(), c.ipAddress, c.userAgent, c.createdAt, c.updatedAt, c.moderatedBy, c.moderatedAt,
                    c.reasons.stream().map(r -> new AuthorData.Reason(r.ruleType, r.field, r.match, r.action, r.detail)).toList(),
                    source[0], source[1]));
            addIfPresent(ips, c.ipAddress);
            addIfPresent(agents, c.userAgent);
        }
        List<AuthorData.AuthorReport> reports = new ArrayList<>();
        for (Report r : em.createQuery("select r from Report r where r.email = ?1 order by r.createdAt, r.id", Report.class)
                .setParameter(1, address).getResultList()) {
            reports.add(new AuthorData.AuthorReport(r.id, r.commentId, r.articleId, r.reason.name(), r.note, r.ipAddress,
                    r.createdAt, r.resolvedAt, r.resolution));
            addIfPresent(ips, r.ipAddress);
        }
        List<AuthorData.AuthorAudit> entries = new ArrayList<>();
        if (!comments.isEmpty()) {
            for (AuditEntry e : em.createQuery("select a from AuditEntry a where a.commentId in ?1 order by a.at, a.id",
                    AuditEntry.class).setParameter(1, comments.stream().map(c -> c.id).toList()).getResultList()) {
                entries.add(new AuthorData.AuthorAudit(e.id, e.at, e.actor, e.action, e.commentId, e.fromStatus, e.toStatus,
                        e.note, e.previousText, e.details));
            }
        }
        Instant now = Instant.now();
        audit.record(new AuditLog.Event(actor, "EXPORT_AUTHOR", null, null, null, null, null, null,
                "Exported an author's data: " + comments.size() + " comments, " + reports.size() + " reports"), now);
        return new AuthorData(address, now, commentViews, reports, List.copyOf(ips), List.copyOf(agents), entries);
    }

    /** The import source and original id of the comments that came from an import (not mapped on the entity). */
    private Map<Long, String[]> importSources(List<Long> ids) {
        Map<Long, String[]> sources = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return sources;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select id, import_source, import_id from comment where import_source is not null and id in (:ids)")
                .setParameter("ids", ids).getResultList();
        for (Object[] row : rows) {
            sources.put(((Number) row[0]).longValue(), new String[] { (String) row[1], (String) row[2] });
        }
        return sources;
    }

    private static void addIfPresent(TreeSet<String> values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(value);
        }
    }
}
