package com.newsroom.comments.moderation.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Masked spellings of the terms of rules with {@code masked: true}: first and last letter kept,
 * letters between them replaced one for one by '*', '#', '@', '-' or '_' ("f**k", "sh*t",
 * "a**hole"), optionally followed by an inflection ending when the rule has inflections on
 * ("f**kers"). Works on the text as submitted, so offsets are exact; only words that contain a mask
 * character are looked at.
 */
final class MaskedTerms {

    record Term(int rule, String term, String plain) { }

    /** Terms by first letter and length, so each masked word is compared with a handful of terms. */
    private final Map<Integer, List<Term>> byFirstAndLength = new HashMap<>();
    private final int maxLength;

    MaskedTerms(List<Term> terms) {
        int max = 0;
        for (Term t : terms) {
            max = Math.max(max, t.plain().length());
            byFirstAndLength.computeIfAbsent(key(t.plain().charAt(0), t.plain().length()), k -> new ArrayList<>())
                    .add(t);
        }
        this.maxLength = max;
    }

    private static int key(char first, int length) {
        return first << 16 | length;
    }

    private static boolean isMask(char c) {
        return c == '*' || c == '#' || c == '@' || c == '-' || c == '_';
    }

    void scan(String v, Field field, int[] fieldMaskByRule, boolean[] inflections, ReasonCollector out) {
        int n = v.length();
        int fieldBit = 1 << field.ordinal();
        int i = 0;
        while (i < n) {
            char ch = v.charAt(i);
            if (!Character.isLetter(ch)) {
                i++;
                continue;
            }
            int a = i;
            boolean masks = false;
            while (i < n && (Character.isLetter(v.charAt(i)) || isMask(v.charAt(i)))) {
                masks |= isMask(v.charAt(i));
                i++;
            }
            int b = i;
            while (b > a && isMask(v.charAt(b - 1))) {
                b--; // "f**k--" ends at the k
            }
            if (!masks || b - a < 3) {
                continue;
            }
            char first = Character.toLowerCase(v.charAt(a));
            for (int len = 3; len <= Math.min(maxLength, b - a); len++) {
                List<Term> candidates = byFirstAndLength.get(key(first, len));
                if (candidates == null) {
                    continue;
                }
                for (Term t : candidates) {
                    if ((fieldMaskByRule[t.rule()] & fieldBit) == 0 || out.isFull(t.rule())) {
                        continue;
                    }
                    int end = matchAt(v, a, b, t, inflections[t.rule()]);
                    if (end > 0) {
                        out.add(t.rule(), field, v, a, end, null, "term '" + t.term() + "' (masked)");
                    }
                }
            }
        }
    }

    /** End of the masked term (and its ending) starting at {@code a}, or -1. */
    private int matchAt(String v, int a, int b, Term t, boolean inflections) {
        String p = t.plain();
        int len = p.length();
        if (len < 3 || len > b - a || len > maxLength) {
            return -1;
        }
        boolean masked = false;
        for (int k = 0; k < len; k++) {
            char ch = Character.toLowerCase(v.charAt(a + k));
            if (isMask(ch)) {
                if (k == 0 || k == len - 1) {
                    return -1;
                }
                masked = true;
            } else if (ch != p.charAt(k)) {
                return -1;
            }
        }
        if (!masked) {
            return -1;
        }
        if (a + len == b) {
            return b;
        }
        String rest = v.substring(a + len, b).toLowerCase(java.util.Locale.ROOT);
        for (int k = 0; k < rest.length(); k++) {
            if (isMask(rest.charAt(k))) {
                return -1;
            }
        }
        return inflections && Morphology.isSuffix(rest, p) ? b : -1;
    }

}
