package com.newsroom.comments.comment;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Small helpers for the JDBC of the comment write path (portable SQL: PostgreSQL and H2). */
final class Sql {

    private Sql() {
    }

    /**
     * An IN list's size rounded up to a power of two. A batch's statements then come in a handful of
     * shapes, which the driver prepares once per connection and the server plans once, instead of one
     * new statement per batch size; {@link #bind} fills the extra places with the last value again.
     */
    static int padded(int count) {
        return count <= 1 ? 1 : Integer.highestOneBit(count - 1) << 1;
    }

    /** "?, ?, ?, ?" for {@code count} values, {@link #padded} */
    static String placeholders(int count) {
        return rows(padded(count), "?");
    }

    /** {@code row} repeated {@code count} times, comma-separated. */
    static String rows(int count, String row) {
        StringBuilder sql = new StringBuilder(count * (row.length() + 2));
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        return sql.toString();
    }

    /** Binds the values from parameter {@code first} on, repeating the last up to the {@link #padded} size. */
    static void bind(PreparedStatement statement, int first, Collection<String> values) throws SQLException {
        int p = first;
        String last = null;
        for (String value : values) {
            statement.setString(p++, value);
            last = value;
        }
        for (int i = values.size(); i < padded(values.size()); i++) {
            statement.setString(p++, last);
        }
    }

    /**
     * PostgreSQL (production, tests) rather than H2 (the zero set-up dev mode), by
     * {@code quarkus.datasource.db-kind}: for its LISTEN/NOTIFY and its faster statements.
     */
    static boolean isPostgres(String dbKind) {
        return "postgresql".equalsIgnoreCase(dbKind) || "postgres".equalsIgnoreCase(dbKind)
                || "pgsql".equalsIgnoreCase(dbKind);
    }

    /** A nullable timestamp column as an instant. */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The first column of every row. */
    static Set<String> strings(ResultSet rs) throws SQLException {
        Set<String> values = new HashSet<>();
        while (rs.next()) {
            values.add(rs.getString(1));
        }
        return values;
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
