package com.newsroom.comments.comment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Flood control that holds across every instance: the last submission time per author key lives in
 * the database ({@code submission_throttle}), and each write batch locks the rows of its authors' keys
 * until it commits, so concurrent batches (on this or another instance) judge one author one after the
 * other. Plain JDBC on the batch's connection and transaction.
 */
final class SubmissionThrottle {

    /** Keys per statement: well under the drivers' parameter limits. */
    private static final int CHUNK = 500;

    private SubmissionThrottle() {
    }

    /**
     * The batch's author keys, locked: {@code last} is each key's last submission as flood control must
     * judge it (the epoch for a key that never posted), {@code written} what its row holds now.
     */
    record Locked(Map<String, Instant> last, Map<String, Instant> written) {

        static final Locked NONE = new Locked(Map.of(), Map.of());
    }

    /**
     * Locks the rows of the keys for the transaction, creating the missing ones, so that a concurrent
     * first comment of the same author waits too. Keys are sorted: two batches always lock shared rows in
     * the same order. On PostgreSQL a new key's row is created with the time of its first use in the
     * batch (its comment is almost always admitted, and {@link #record} then has nothing to write for it);
     * on H2 (dev mode) as "never posted".
     *
     * @param firstUse every key, with the submission time of the batch's first comment that has it
     */
    static Locked lock(Connection db, SortedMap<String, Instant> firstUse, boolean postgres) throws SQLException {
        Map<String, Instant> last = new HashMap<>(firstUse.size() * 2);
        Map<String, Instant> written = new HashMap<>(firstUse.size() * 2);
        List<String> all = List.copyOf(firstUse.keySet());
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            Set<String> created = postgres ? createReturning(db, chunk, firstUse) : create(db, chunk);
            for (String key : created) {
                last.put(key, Instant.EPOCH);
                written.put(key, postgres ? firstUse.get(key) : Instant.EPOCH);
            }
            if (created.size() == chunk.size()) {
                // Every key is new (the usual case: most authors post once on a story): this transaction's
                // inserts lock them already.
                continue;
            }
            List<String> existing = chunk.stream().filter(key -> !created.contains(key)).toList();
            try (PreparedStatement select = db.prepareStatement("select throttle_key, last_submitted_at from submission_throttle where throttle_key in ("
                    + Sql.placeholders(existing.size()) + ") order by throttle_key for update")) {
                Sql.bind(select, 1, existing);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
                        last.put(rs.getString(1), at);
                        written.put(rs.getString(1), at);
                    }
                }
            }
        }
        return new Locked(last, written);
    }

    /** PostgreSQL: creates the missing rows with their first use, and says which it created. */
    private static Set<String> createReturning(Connection db, List<String> chunk, Map<String, Instant> firstUse)
            throws SQLException {
        Set<String> created = new HashSet<>(chunk.size() * 2);
        try (PreparedStatement insert = db.prepareStatement(insertSql(chunk.size()) + " returning throttle_key")) {
            bindRows(insert, chunk, firstUse);
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    created.add(rs.getString(1));
                }
            }
        }
        return created;
    }

    /**
     * H2 (no RETURNING): creates the missing rows as "never posted". Which ones is known only when all
     * were missing; otherwise none is taken as created, and the locking select reads them all.
     */
    private static Set<String> create(Connection db, List<String> chunk) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(insertSql(chunk.size()))) {
            bindRows(insert, chunk, null);
            return insert.executeUpdate() == chunk.size() ? Set.copyOf(chunk) : Set.of();
        }
    }

    /** Padded with the last key again (a duplicate is just another conflict), like the IN lists: few statement shapes. */
    private static String insertSql(int keys) {
        return "insert into submission_throttle (throttle_key, last_submitted_at) values "
                + Sql.rows(Sql.padded(keys), "(?, ?)") + " on conflict do nothing";
    }

    private static void bindRows(PreparedStatement insert, List<String> chunk, Map<String, Instant> firstUse)
            throws SQLException {
        int p = 1;
        for (int i = 0; i < Sql.padded(chunk.size()); i++) {
            String key = chunk.get(Math.min(i, chunk.size() - 1));
            insert.setString(p++, key);
            insert.setObject(p++, Sql.timestamp(firstUse == null ? Instant.EPOCH : firstUse.get(key)));
        }
    }

    /**
     * Stores what flood control decided, on the rows {@link #lock} locked: the admitted comments' times,
     * and "never posted" again for a new key whose comments were all refused. Only rows whose value
     * changes are written; on PostgreSQL that is usually none.
     */
    static void record(Connection db, Map<String, Instant> admitted, Locked locked, boolean postgres)
            throws SQLException {
        Map<String, Instant> changes = new HashMap<>();
        for (Map.Entry<String, Instant> row : locked.written().entrySet()) {
            Instant value = admitted.getOrDefault(row.getKey(), locked.last().get(row.getKey()));
            if (!value.equals(row.getValue())) {
                changes.put(row.getKey(), value);
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        // On PostgreSQL an upsert, which its driver sends as one multi-row INSERT for the whole batch
        // (reWriteBatchedInserts) where an UPDATE is one statement per key. The rows exist, so it
        // always updates; the keys are distinct, so no row is touched twice.
        try (PreparedStatement update = db.prepareStatement(postgres ? """
                insert into submission_throttle (throttle_key, last_submitted_at) values (?, ?)
                on conflict (throttle_key) do update set last_submitted_at = excluded.last_submitted_at"""
                : "update submission_throttle set last_submitted_at = ? where throttle_key = ?")) {
            for (Map.Entry<String, Instant> change : changes.entrySet()) {
                update.setString(postgres ? 1 : 2, change.getKey());
                update.setObject(postgres ? 2 : 1, Sql.timestamp(change.getValue()));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
