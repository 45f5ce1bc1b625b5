package com.newsroom.comments.notification;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Timestamps as native queries return them. */
final class Times {

    private Times() {
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
