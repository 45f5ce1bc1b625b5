package com.newsroom.comments.moderation.engine;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How large an RE2 pattern's compiled program gets: its atoms counted once per repetition, nested
 * repetitions multiplied ({@code (a{1000}){1000}} is a million steps per input character, though each
 * count alone is within RE2's limit of 1000). RE2/J matches in time linear in the input, but the factor
 * is this size, so {@link CompiledRules} refuses patterns over {@link #MAX}. An estimate from the
 * pattern's text, read as RE2 reads it: escapes, classes and flag groups are one atom or none.
 */
final class PatternCost {

    /** The most steps a pattern may take per input character. */
    static final long MAX = 10_000;

    private PatternCost() {
    }

    /** The estimated program size, at least 1; stops counting past {@link #MAX}. */
    static long of(String pattern) {
        Deque<long[]> groups = new ArrayDeque<>(); // per open group: {size so far, size of the last atom}
        long[] current = { 0, 0 };
        int n = pattern.length();
        for (int i = 0; i < n && current[0] <= MAX; i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '\\' -> {
                    i = skipEscape(pattern, i);
                    atom(current, 1);
                }
                case '[' -> {
                    i = skipClass(pattern, i);
                    atom(current, 1);
                }
                case '(' -> {
                    if (i + 1 < n && pattern.charAt(i + 1) == '?') {
                        int close = flagGroupEnd(pattern, i);
                        if (close > 0) { // (?i) and the like: no atom
                            i = close;
                            break;
                        }
                    }
                    groups.push(current);
                    current = new long[] { 0, 0 };
                }
                case ')' -> {
                    long size = current[0];
                    current = groups.isEmpty() ? new long[] { 0, 0 } : groups.pop();
                    atom(current, size);
                }
                case '|' -> current[1] = 0;
                case '{' -> {
                    int close = pattern.indexOf('}', i);
                    long count = close < 0 ? -1 : count(pattern.substring(i + 1, close));
                    if (count < 0) {
                        atom(current, 1); // a literal brace
                    } else {
                        current[0] += current[1] * (count - 1);
                        current[1] *= count;
                        i = close;
                    }
                }
                case '*', '+', '?' -> current[0] += 1;
                default -> atom(current, 1);
            }
        }
        long total = current[0];
        while (!groups.isEmpty()) {
            total += groups.pop()[0];
        }
        return Math.max(1, total);
    }

    private static void atom(long[] group, long size) {
        group[0] += size;
        group[1] = size;
    }

    /** The largest count of {@code n}, {@code n,} or {@code n,m}; -1 when it is no repetition. */
    private static long count(String inside) {
        int comma = inside.indexOf(',');
        String low = comma < 0 ? inside : inside.substring(0, comma);
        String high = comma < 0 ? inside : inside.substring(comma + 1);
        if (!low.matches("\\d{1,4}") || !(high.isEmpty() || high.matches("\\d{1,4}"))) {
            return -1;
        }
        return Math.max(1, Long.parseLong(high.isEmpty() ? low : high));
    }

    private static int skipEscape(String p, int i) {
        if (i + 1 >= p.length()) {
            return i;
        }
        char next = p.charAt(i + 1);
        if ((next == 'p' || next == 'P' || next == 'x') && i + 2 < p.length() && p.charAt(i + 2) == '{') {
            int close = p.indexOf('}', i + 2);
            return close < 0 ? p.length() - 1 : close;
        }
        if (next == 'Q') {
            int end = p.indexOf("\\E", i + 2);
            return end < 0 ? p.length() - 1 : end + 1;
        }
        return i + 1;
    }

    private static int skipClass(String p, int i) {
        int j = i + 1;
        if (j < p.length() && p.charAt(j) == '^') {
            j++;
        }
        if (j < p.length() && p.charAt(j) == ']') {
            j++; // a leading ] is literal
        }
        for (; j < p.length(); j++) {
            char c = p.charAt(j);
            if (c == '\\') {
                j = skipEscape(p, j);
            } else if (c == '[' && j + 1 < p.length() && p.charAt(j + 1) == ':') {
                int close = p.indexOf(":]", j + 2);
                j = close < 0 ? j : close + 1;
            } else if (c == ']') {
                return j;
            }
        }
        return p.length() - 1;
    }

    /** The index of the ')' closing a flag-only group such as {@code (?i)} or {@code (?-s)}; -1 otherwise. */
    private static int flagGroupEnd(String p, int i) {
        for (int j = i + 2; j < p.length(); j++) {
            char c = p.charAt(j);
            if (c == ')') {
                return j;
            }
            if (!(Character.isLetter(c) || c == '-')) {
                return -1; // (?: (?P<name> ...: a group with content
            }
        }
        return -1;
    }
}
