package com.newsroom.comments.common;

import java.util.ArrayList;
import java.util.List;

import com.newsroom.comments.problem.ApiException;
import com.newsroom.comments.problem.Problem.FieldError;

/**
 * Page and size query parameters. They arrive as strings because JAX-RS answers a non-numeric query
 * parameter with 404; a reader deserves a 400 that names the parameter.
 */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 1_000_000;

    public static Paging parse(String page, String size, int defaultSize) {
        List<FieldError> errors = new ArrayList<>();
        int p = parse("page", page, 0, 0, MAX_PAGE, errors);
        int s = parse("size", size, defaultSize, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new Paging(p, s);
    }

    /** The paging if both values are valid (or absent), else null: for callers that defer errors to {@link #parse}. */
    public static Paging parseOrNull(String page, String size, int defaultSize) {
        int p = lenient(page, 0, 0, MAX_PAGE);
        int s = lenient(size, defaultSize, 1, MAX_SIZE);
        return p < 0 || s < 0 ? null : new Paging(p, s);
    }

    private static int lenient(String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            return parsed >= min && parsed <= max ? parsed : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int parse(String name, String value, int defaultValue, int min, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(FieldError.of(name, name + ".invalid", String.valueOf(min), String.valueOf(max)));
        return defaultValue;
    }
}
