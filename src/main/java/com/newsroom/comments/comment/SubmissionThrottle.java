package com.newsroom.comments.comment;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Flood control that holds across every instance: the last submission time per author key lives in
 * the database, and each write batch locks the rows of its authors' keys until it commits, so
 * concurrent batches (on this or another instance) judge one author one after the other.
 */
@ApplicationScoped
public class SubmissionThrottle {

    /** Keys per statement: two parameters each, well under the drivers' limits. */
    private static final int CHUNK = 500;

    @Inject
    EntityManager em;

    /**
     * Locks the rows of {@code keys} for the caller's transaction, creating the missing ones first
     * (as "never posted"), so that a concurrent first comment of the same author waits too.
     * Keys are sorted: two batches always lock shared rows in the same order.
     *
     * @return the locked rows by key; set {@code lastSubmittedAt} on them to record a submission
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, SubmissionThrottleEntry> lock(SortedSet<String> keys) {
        Map<String, SubmissionThrottleEntry> rows = new HashMap<>(keys.size() * 2);
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            insertMissing(chunk);
            for (SubmissionThrottleEntry row : em.createQuery(
                    "from SubmissionThrottleEntry t where t.key in ?1 order by t.key", SubmissionThrottleEntry.class)
                    .setParameter(1, chunk)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList()) {
                rows.put(row.key, row);
            }
        }
        return rows;
    }

    /** ON CONFLICT DO NOTHING works on PostgreSQL and on H2 in PostgreSQL mode. */
    private void insertMissing(List<String> keys) {
        StringBuilder sql = new StringBuilder("insert into submission_throttle (throttle_key, last_submitted_at) values ");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(i + 2).append(", ?1)");
        }
        var insert = em.createNativeQuery(sql.append(" on conflict do nothing").toString())
                .setParameter(1, Instant.EPOCH);
        for (int i = 0; i < keys.size(); i++) {
            insert.setParameter(i + 2, keys.get(i));
        }
        insert.executeUpdate();
    }
}
