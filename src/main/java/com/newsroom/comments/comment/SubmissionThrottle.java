package com.newsroom.comments.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Flood control that holds across every instance: the last submission time per author key lives in
 * the database, and the row lock taken by the UPDATE (or the unique key taken by the INSERT)
 * serialises concurrent submissions from the same author.
 */
@ApplicationScoped
public class SubmissionThrottle {

    @Inject
    EntityManager em;

    /**
     * Records a submission for every key, or returns how long the author must wait. Runs in the
     * caller's transaction, so a refused or failed comment does not consume the author's slot.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Duration> acquire(SortedSet<String> keys, Instant now, Duration interval) {
        // One statement for the usual case, an author's first comment: every key is new.
        if (insertAll(keys, now) == keys.size()) {
            return Optional.empty();
        }
        Duration wait = Duration.ZERO;
        // Sorted keys: two submissions locking the same rows always lock them in the same order.
        for (String key : keys) {
            Optional<Duration> keyWait = acquire(key, now, interval);
            if (keyWait.isPresent() && keyWait.get().compareTo(wait) > 0) {
                wait = keyWait.get();
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    private int insertAll(SortedSet<String> keys, Instant now) {
        StringBuilder sql = new StringBuilder("insert into submission_throttle (throttle_key, last_submitted_at) values ");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(i + 2).append(", ?1)");
        }
        var insert = em.createNativeQuery(sql.append(" on conflict do nothing").toString()).setParameter(1, now);
        int position = 2;
        for (String key : keys) {
            insert.setParameter(position++, key);
        }
        return insert.executeUpdate();
    }

    private Optional<Duration> acquire(String key, Instant now, Duration interval) {
        int inserted = em.createNativeQuery("""
                insert into submission_throttle (throttle_key, last_submitted_at) values (?1, ?2)
                on conflict do nothing""")
                .setParameter(1, key).setParameter(2, now).executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        int updated = em.createNativeQuery("""
                update submission_throttle set last_submitted_at = ?1
                where throttle_key = ?2 and last_submitted_at <= ?3""")
                .setParameter(1, now).setParameter(2, key).setParameter(3, now.minus(interval))
                .executeUpdate();
        if (updated == 1) {
            return Optional.empty();
        }
        Instant last = em.createQuery(
                "select t.lastSubmittedAt from SubmissionThrottleEntry t where t.key = ?1", Instant.class)
                .setParameter(1, key).getSingleResult();
        if (last.equals(now)) {
            return Optional.empty(); // inserted a moment ago by insertAll, in this transaction
        }
        Duration wait = Duration.between(now, last.plus(interval));
        return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
    }
}
