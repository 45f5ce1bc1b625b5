package com.newsroom.comments.comment.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;

import com.newsroom.comments.comment.CommentSubmission;

/**
 * Flood control that holds across every instance: the last submission time per author key lives in
 * the database ({@code submission_throttle}), and each write batch locks the rows of its authors' keys
 * until it commits, so concurrent batches (on this or another instance) judge one author one after the
 * other. A batch creates the rows of new keys (so that a concurrent first comment of the same author
 * waits too), locks them in key order, judges its comments ({@link FloodGate}) and writes back the
 * {@link #changes}. {@link BatchSql} does this in its two round trips; this class holds the
 * rules.
 */
public final class SubmissionThrottle {

    private SubmissionThrottle() {
    }

    /** An author's flood-control keys: the IP and the e-mail each count as the author. */
    static SortedSet<String> keys(CommentSubmission submission, String ip) {
        TreeSet<String> keys = new TreeSet<>();
        if (ip != null) {
            keys.add("ip:" + ip);
        }
        if (submission.email() != null) {
            keys.add(emailKey(submission.email()));
        }
        return keys;
    }

    private static String emailKey(String email) {
        return "email:" + email.toLowerCase(Locale.ROOT);
    }

    /** Forgets when this e-mail address last posted (an erased author), in the session's transaction. */
    public static void forget(EntityManager em, String email) {
        em.createNativeQuery("delete from submission_throttle where throttle_key = ?1")
                .setParameter(1, emailKey(email)).executeUpdate();
    }

    /**
     * The batch's author keys, locked: {@code last} is each key's last submission as flood control must
     * judge it (the epoch for a key that never posted), {@code written} what its row holds now.
     */
    record Locked(Map<String, Instant> last, Map<String, Instant> written) {

        static final Locked NONE = new Locked(Map.of(), Map.of());

        /**
         * @param created the keys whose rows this transaction created: they never posted, whatever
         *        time their new row holds
         * @param rows every locked row's time
         */
        static Locked of(Set<String> created, Map<String, Instant> rows) {
            Map<String, Instant> last = new HashMap<>(rows);
            created.forEach(key -> last.put(key, Instant.EPOCH));
            return new Locked(last, rows);
        }
    }

    /**
     * What flood control decided, as row changes: the admitted comments' times, and "never posted" again
     * for a created key whose comments were all refused. Only rows whose value changes; when a new key's
     * row was created with the time of its first use, an admitted first comment changes nothing.
     */
    static Map<String, Instant> changes(Map<String, Instant> admitted, Locked locked) {
        Map<String, Instant> changes = new HashMap<>();
        for (Map.Entry<String, Instant> row : locked.written().entrySet()) {
            Instant value = admitted.getOrDefault(row.getKey(), locked.last().get(row.getKey()));
            if (!value.equals(row.getValue())) {
                changes.put(row.getKey(), value);
            }
        }
        return changes;
    }
}
