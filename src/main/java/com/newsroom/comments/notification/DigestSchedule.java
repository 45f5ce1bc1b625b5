package com.newsroom.comments.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Whose digest is due, on the {@code moderator_digest} table: one row per opted-in moderator, with when
 * their last digest went out. A claimed row stays locked until the caller's transaction ends, and other
 * instances skip it ({@code SKIP LOCKED}), so one instance at a time sends a moderator's digest.
 */
@ApplicationScoped
public class DigestSchedule {

    /** A moderator whose digest is due; {@code lastSentAt} is null before the first. */
    public record Due(long moderatorId, String username, String email, Instant lastSentAt) {
    }

    private final EntityManager em;

    public DigestSchedule(EntityManager em) {
        this.em = em;
    }

    /** Gives every opted-in moderator a row (rows stay when they opt out: the interval still counts). */
    @Transactional
    public void enrol() {
        em.createNativeQuery("""
                insert into moderator_digest (moderator_id)
                select id from moderator where digest and enabled and email is not null
                on conflict (moderator_id) do nothing""").executeUpdate();
    }

    /**
     * Locks the next opted-in, enabled moderator after {@code afterId} whose last digest went out at
     * {@code sentBefore} or earlier (or never), skipping rows another instance holds.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Optional<Due> claimNext(long afterId, Instant sentBefore) {
        List<Object[]> rows = em.createNativeQuery("""
                select d.moderator_id, m.username, m.email, d.last_sent_at
                from moderator_digest d join moderator m on m.id = d.moderator_id
                where d.moderator_id > ?1 and m.digest and m.enabled and m.email is not null
                  and (d.last_sent_at is null or d.last_sent_at <= ?2)
                order by d.moderator_id
                limit 1
                for update of d skip locked""").setParameter(1, afterId).setParameter(2, sentBefore).getResultList();
        return rows.stream().findFirst().map(r -> new Due(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                r[3] == null ? null : Times.instant(r[3])));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markSent(long moderatorId, Instant at) {
        em.createNativeQuery("update moderator_digest set last_sent_at = ?1 where moderator_id = ?2")
                .setParameter(1, at).setParameter(2, moderatorId).executeUpdate();
    }
}
