package com.newsroom.comments.report;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The moderators' side of reports, inside the moderators' transactions: resolving a comment's open
 * reports when a moderator decides on it, and erasing a reporter's reports with the author's data.
 */
@ApplicationScoped
public class ReportDesk {

    private final EntityManager em;

    public ReportDesk(EntityManager em) {
        this.em = em;
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
