package com.newsroom.comments.config;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads a zlib compression level and refuses any outside 1–9, so that the service does not start with one.
 * <p>
 * A converter rather than {@code @Min}/{@code @Max}: one constraint on a config mapping makes Quarkus build a
 * second Hibernate Validator factory for the configuration at every start, a noticeable part of start-up.
 */
public final class ZlibLevel implements Converter<Integer> {

    private static final int FASTEST = 1;
    private static final int SMALLEST = 9;

    @Override
    public Integer convert(String value) {
        int level;
        try {
            level = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a zlib level: use a whole number from "
                    + FASTEST + " (fastest) to " + SMALLEST + " (smallest)");
        }
        if (level < FASTEST || level > SMALLEST) {
            throw new IllegalArgumentException("zlib's levels go from " + FASTEST + " (fastest) to " + SMALLEST
                    + " (smallest), not " + level);
        }
        return level;
    }
}
