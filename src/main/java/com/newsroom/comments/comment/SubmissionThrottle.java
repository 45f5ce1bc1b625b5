package com.newsroom.comments.comment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

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
     * Locks the rows of {@code keys} for the transaction, creating the missing ones first (as "never
     * posted"), so that a concurrent first comment of the same author waits too. Keys are sorted: two
     * batches always lock shared rows in the same order.
     *
     * @return the last submission time of every key
     */
    static Map<String, Instant> lock(Connection db, SortedSet<String> keys) throws SQLException {
        Map<String, Instant> last = new HashMap<>(keys.size() * 2);
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            // ON CONFLICT DO NOTHING works on PostgreSQL and on H2 in PostgreSQL mode. Padded with the last
            // key again (a duplicate is just another conflict), like the IN lists: few statement shapes.
            int inserted;
            try (PreparedStatement insert = db.prepareStatement("insert into submission_throttle (throttle_key, last_submitted_at) values "
                    + Sql.rows(Sql.padded(chunk.size()), "(?, ?)") + " on conflict do nothing")) {
                int p = 1;
                for (int i = 0; i < Sql.padded(chunk.size()); i++) {
                    insert.setString(p++, chunk.get(Math.min(i, chunk.size() - 1)));
                    insert.setObject(p++, Sql.timestamp(Instant.EPOCH));
                }
                inserted = insert.executeUpdate();
            }
            if (inserted == chunk.size()) {
                // Every key is new (the usual case: most authors post once on a story): this transaction's
                // inserts lock them already, and they have never posted.
                chunk.forEach(key -> last.put(key, Instant.EPOCH));
                continue;
            }
            try (PreparedStatement select = db.prepareStatement("select throttle_key, last_submitted_at from submission_throttle where throttle_key in ("
                    + Sql.placeholders(chunk.size()) + ") order by throttle_key for update")) {
                Sql.bind(select, 1, chunk);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        last.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                    }
                }
            }
        }
        return last;
    }

    /** Records the admitted submissions (the rows are locked by {@link #lock} already). */
    static void record(Connection db, Map<String, Instant> admitted) throws SQLException {
        if (admitted.isEmpty()) {
            return;
        }
        // On PostgreSQL an upsert, which its driver sends as one multi-row INSERT for the whole batch
        // (reWriteBatchedInserts) where an UPDATE is one statement per key. The rows exist, so it
        // always updates; the keys are distinct, so no row is touched twice.
        try (PreparedStatement update = db.prepareStatement(Sql.isPostgres(db) ? """
                insert into submission_throttle (throttle_key, last_submitted_at) values (?, ?)
                on conflict (throttle_key) do update set last_submitted_at = excluded.last_submitted_at"""
                : "update submission_throttle set last_submitted_at = ? where throttle_key = ?")) {
            boolean keyFirst = Sql.isPostgres(db);
            for (Map.Entry<String, Instant> entry : admitted.entrySet()) {
                update.setString(keyFirst ? 1 : 2, entry.getKey());
                update.setObject(keyFirst ? 2 : 1, Sql.timestamp(entry.getValue()));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
