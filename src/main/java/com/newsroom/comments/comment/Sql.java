package com.newsroom.comments.comment;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

/** Small helpers for the JDBC of the comment write path (portable SQL: PostgreSQL and H2). */
final class Sql {

    private Sql() {
    }

    /** "?, ?, ?" */
    static String placeholders(int count) {
        return rows(count, "?");
    }

    /** {@code row} repeated {@code count} times, comma-separated. */
    static String rows(int count, String row) {
        StringBuilder sql = new StringBuilder(count * (row.length() + 2));
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        return sql.toString();
    }

    /** Binds the values from parameter {@code first} on; returns the next parameter index. */
    static int bind(PreparedStatement statement, int first, Collection<String> values) throws SQLException {
        int p = first;
        for (String value : values) {
            statement.setString(p++, value);
        }
        return p;
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
