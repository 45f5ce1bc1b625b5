package com.newsroom.comments.common;

import java.time.Instant;

/**
 * What PostgreSQL can store: text without NUL and without unpaired UTF-16 surrogates (not Unicode: the
 * driver would store them as '?'), and instants between the years 1 and 9999 (timestamptz ends in the
 * year 294276; four-digit years are what every client parses). One home for these checks and their
 * messages, used on every input: JSON bodies ({@link JsonSettings}), path and query parameters
 * ({@link StorableParameters}), form fields and plain-text bodies.
 */
public final class StorableText {

    public static final String TEXT_MESSAGE = "contains a character that cannot be stored (NUL or an unpaired surrogate).";
    public static final String INSTANT_MESSAGE = "must be a date between the years 1 and 9999.";

    static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

    private StorableText() {
    }

    /** True when PostgreSQL can store {@code value} as sent; null is storable. */
    public static boolean isStorable(CharSequence value) {
        if (value == null) {
            return true;
        }
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
        }
        return true;
    }

    /** True when a timestamptz column can hold {@code value} and clients can read it back; null is storable. */
    public static boolean isStorable(Instant value) {
        return value == null || (!value.isBefore(MIN) && !value.isAfter(MAX));
    }
}
