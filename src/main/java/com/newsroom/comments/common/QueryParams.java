package com.newsroom.comments.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.newsroom.comments.problem.ApiException;

/** Query parameters that JAX-RS would answer with 404 when malformed; these give a 400 naming the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    /** An ISO-8601 instant ({@code 2026-11-26T10:00:00Z}) or date ({@code 2026-11-26}, midnight UTC). */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            Instant instant = v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
            if (!StorableText.isStorable(instant)) {
                throw ApiException.invalidField(name, name + " " + StorableText.INSTANT_MESSAGE);
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(name, name + " must be an ISO-8601 date or instant, such as 2026-11-26 or 2026-11-26T10:00:00Z.");
        }
    }

    public static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(name, name + " must be a whole number.");
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(name, name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ".");
        }
    }
}
