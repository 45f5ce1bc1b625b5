package com.newsroom.comments.queue;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.newsroom.comments.audit.AuditLog;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.config.CommentsConfig;

import io.quarkus.scheduler.Scheduled;

/**
 * Deletes spam and rejected comments older than {@code comments.purge.max-age}. With several instances
 * on one database, a lease row (taken with one conditional UPDATE) lets one instance run each schedule.
 */
@ApplicationScoped
public class SpamPurge {

    private static final Logger LOG = Logger.getLogger(SpamPurge.class);
    static final String JOB = "purge-spam";

    private final EntityManager em;
    private final AuditLog audit;
    private final CommentsConfig config;
    private final String instance = UUID.randomUUID().toString();

    public SpamPurge(EntityManager em, AuditLog audit, CommentsConfig config) {
        this.em = em;
        this.audit = audit;
        this.config = config;
    }

    @Scheduled(cron = "${comments.purge.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int purged = purgeIfLeased(Instant.now());
            if (purged >= 0) {
                LOG.infof("Purged %d spam and rejected comments", purged);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Spam purge failed, will try at the next schedule: %s", e.toString());
        }
    }

    /** @return how many comments were purged, or -1 when another instance holds this schedule's lease */
    @Transactional
    public int purgeIfLeased(Instant now) {
        int leased = em.createNativeQuery("""
                update job_lease set owner = ?1, leased_until = ?2 where name = ?3 and leased_until < ?4""")
                .setParameter(1, instance).setParameter(2, now.plus(config.purge().lease())).setParameter(3, JOB)
                .setParameter(4, now).executeUpdate();
        if (leased == 0) {
            return -1;
        }
        Instant cutoff = now.minus(config.purge().maxAge());
        int purged = em.createQuery("delete from Comment c where c.status in ?1 and c.updatedAt < ?2")
                .setParameter(1, java.util.List.of(CommentStatus.SPAM, CommentStatus.REJECTED))
                .setParameter(2, cutoff).executeUpdate();
        audit.record(new AuditLog.Event("system", "PURGE", null, null, null, null, null, null,
                "Purged " + purged + " spam and rejected comments last changed before " + cutoff), now);
        return purged;
    }
}
