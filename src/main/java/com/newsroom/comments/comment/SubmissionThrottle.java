package com.newsroom.comments.comment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Flood control that holds across every instance: the last submission time per author key lives in
 * the database ({@code submission_throttle}), and each write batch locks the rows of its authors' keys
 * until it commits, so concurrent batches (on this or another instance) judge one author one after the
 * other. A batch creates the rows of new keys (so that a concurrent first comment of the same author
 * waits too), locks them in key order, judges its comments ({@link FloodGate}) and writes back the
 * {@link #changes}. {@link PostgresBatchSql} does this in its two round trips; this class holds the
 * rules and the portable statements ({@link PortableBatchSql}).
 */
final class SubmissionThrottle {

    private SubmissionThrottle() {
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

    /**
     * Portable: creates the missing rows as "never posted" (a concurrent creator wins harmlessly), then
     * locks every key's row in key order. Two statements per call, so one for H2's dev mode only.
     */
    static Locked lock(Connection db, SortedMap<String, Instant> firstUse) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "insert into submission_throttle (throttle_key, last_submitted_at) values (?, ?) on conflict do nothing")) {
            for (String key : firstUse.keySet()) {
                insert.setString(1, key);
                insert.setObject(2, Sql.timestamp(Instant.EPOCH));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Map<String, Instant> rows = new HashMap<>(firstUse.size() * 2);
        try (PreparedStatement select = db.prepareStatement("select throttle_key, last_submitted_at from submission_throttle where throttle_key in ("
                + Sql.placeholders(firstUse.size()) + ") order by throttle_key for update")) {
            Sql.bind(select, 1, firstUse.keySet());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), Sql.instant(rs, 2));
                }
            }
        }
        return Locked.of(Set.of(), rows);
    }

    /** Portable: writes the {@link #changes} to the locked rows. */
    static void update(Connection db, Map<String, Instant> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement update = db.prepareStatement("update submission_throttle set last_submitted_at = ? where throttle_key = ?")) {
            for (Map.Entry<String, Instant> change : changes.entrySet()) {
                update.setObject(1, Sql.timestamp(change.getValue()));
                update.setString(2, change.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
