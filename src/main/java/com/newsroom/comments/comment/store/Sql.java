package com.newsroom.comments.comment.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

/** Small helpers for the JDBC of the comment write path. */
final class Sql {

    private Sql() {
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
}
