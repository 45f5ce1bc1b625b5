package com.newsroom.comments.moderation.engine;

import java.util.Arrays;

/**
 * All folded term keys in one compact dense trie, walked from every word start of the folded
 * text.
 *
 * <p>Why not classic Aho–Corasick: every term match must begin at a word boundary, so failure
 * links only ever lead to hits that the boundary check throws away. Anchoring the walk at word
 * starts finds exactly the same accepted hits, needs no failure table, and touches far less
 * memory (a walk stops as soon as the word leaves the trie, which for ordinary words happens
 * after 2-3 chars). Cost per comment is O(text length x depth reached), independent of the
 * number of terms. Hand-written instead of org.ahocorasick, which uses boxed maps per state and
 * allocates per hit.
 *
 * <p>Layout: {@code int[states * alphabet]} rows over a small alphabet (only chars occurring in
 * some key get a class; all other chars are class 0, which never has a child). A transition
 * holds {@code child * alphabet} (the row offset, 0 = no child, as the root is never a child)
 * with the sign bit set when a key ends at the child.
 */
final class TermAutomaton {

    private final short[] classOf;     // char -> alphabet class (0 = not in any key)
    private final int alphabet;
    private final int[] trie;
    private final int[] output;        // state -> key id ending exactly here, or -1
    private final int[] keyLength;
    // Compact prefilter for walks from inside words: which a-z trigrams (and bigrams, for short keys or
    // keys whose third char is not a-z) begin some key; keys starting otherwise are always walked.
    private final long[] trigrams = new long[(26 * 26 * 26 + 63) / 64];
    private final long[] bigrams = new long[(26 * 26 + 63) / 64];
    private final boolean[] alwaysFrom = new boolean[26];

    /** Receives (key id, end offset exclusive) for every key occurrence starting at a word start. */
    interface HitSink {
        void hit(int key, int end);
    }

    TermAutomaton(String[] keys) {
        classOf = new short[0x10000];
        int classes = 1;
        long total = 0;
        for (String k : keys) {
            total += k.length();
            for (int i = 0; i < k.length(); i++) {
                char c = k.charAt(i);
                if (classOf[c] == 0) {
                    if (classes == Short.MAX_VALUE) {
                        throw new InvalidRuleException("terms", "too many distinct characters in terms");
                    }
                    classOf[c] = (short) classes++;
                }
            }
        }
        alphabet = classes;
        long maxStates = total + 1;
        if (maxStates * alphabet > Integer.MAX_VALUE - 8) {
            throw new InvalidRuleException("terms", "term list too large");
        }
        int cap = (int) Math.min(maxStates, 1024);
        int[] table = new int[cap * alphabet];
        int[] out = new int[cap];
        Arrays.fill(out, -1);
        int states = 1;
        keyLength = new int[keys.length];
        for (int id = 0; id < keys.length; id++) {
            String k = keys[id];
            keyLength[id] = k.length();
            int row = 0;
            for (int i = 0; i < k.length(); i++) {
                int idx = row + classOf[k.charAt(i)];
                int t = table[idx] & Integer.MAX_VALUE;
                if (t == 0) {
                    if (states == cap) {
                        cap = (int) Math.min(maxStates, (long) cap * 2);
                        table = Arrays.copyOf(table, cap * alphabet);
                        int old = out.length;
                        out = Arrays.copyOf(out, cap);
                        Arrays.fill(out, old, cap, -1);
                    }
                    t = states++ * alphabet;
                    table[idx] = t;
                }
                if (i == k.length() - 1) {
                    table[idx] |= Integer.MIN_VALUE;
                    out[t / alphabet] = id; // keys are unique, so no collision
                }
                row = t;
            }
        }
        for (String k : keys) {
            int c0 = az(k, 0);
            int c1 = az(k, 1);
            int c2 = az(k, 2);
            if (c0 < 0) {
                continue; // starts with another char: the walk's first step decides
            }
            if (c1 < 0) {
                alwaysFrom[c0] = true;
            } else if (c2 < 0) {
                set(bigrams, c0 * 26 + c1);
            } else {
                set(trigrams, (c0 * 26 + c1) * 26 + c2);
            }
        }
        trie = table.length == states * alphabet ? table : Arrays.copyOf(table, states * alphabet);
        output = out.length == states ? out : Arrays.copyOf(out, states);
    }

    private static int az(String k, int i) {
        if (i >= k.length()) {
            return -1;
        }
        char c = k.charAt(i);
        return c >= 'a' && c <= 'z' ? c - 'a' : -1;
    }

    private static void set(long[] bits, int i) {
        bits[i >>> 6] |= 1L << i;
    }

    private static boolean get(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    /** False only if no key can start at {@code text[p]}, judged from at most three chars without touching the trie. */
    boolean mayStartAt(char[] text, int length, int p) {
        int c0 = text[p] - 'a';
        if (c0 < 0 || c0 >= 26 || alwaysFrom[c0]) {
            return true;
        }
        if (p + 1 >= length) {
            return false;
        }
        int c1 = text[p + 1] - 'a';
        if (c1 < 0 || c1 >= 26) {
            return false;
        }
        if (get(bigrams, c0 * 26 + c1)) {
            return true;
        }
        if (p + 2 >= length) {
            return false;
        }
        int c2 = text[p + 2] - 'a';
        return c2 >= 0 && c2 < 26 && get(trigrams, (c0 * 26 + c1) * 26 + c2);
    }

    int keyLength(int key) {
        return keyLength[key];
    }

    int stateCount() {
        return output.length;
    }

    /** Reports every key occurrence in {@code text[0, length)} that starts at {@code from}. */
    void walk(char[] text, int length, int from, HitSink sink) {
        final int[] t = trie;
        final short[] cls = classOf;
        int row = 0;
        for (int j = from; j < length; j++) {
            int v = t[row + cls[text[j]]];
            if (v == 0) {
                return;
            }
            row = v & Integer.MAX_VALUE;
            if (v < 0) {
                sink.hit(output[row / alphabet], j + 1);
            }
        }
    }

    /** True if some key occurs anywhere inside {@code text[from, to)}, ignoring word boundaries. */
    boolean anyKeyInside(char[] text, int from, int to) {
        final int[] t = trie;
        final short[] cls = classOf;
        for (int i = from; i < to; i++) {
            int row = 0;
            for (int j = i; j < to; j++) {
                int v = t[row + cls[text[j]]];
                if (v == 0) {
                    break;
                }
                if (v < 0) {
                    return true;
                }
                row = v & Integer.MAX_VALUE;
            }
        }
        return false;
    }

    /** Reports every key occurrence in {@code text[0, length)} that starts at a word start. */
    void scan(char[] text, int length, HitSink sink) {
        final int[] t = trie;
        final short[] cls = classOf;
        int i = 0;
        while (i < length) {
            int row = 0;
            for (int j = i; j < length; j++) {
                int v = t[row + cls[text[j]]];
                if (v == 0) {
                    break;
                }
                row = v & Integer.MAX_VALUE;
                if (v < 0) {
                    sink.hit(output[row / alphabet], j + 1);
                }
            }
            // Next word start (folded text has exactly one ' ' between words).
            while (i < length && text[i] != ' ') {
                i++;
            }
            i++;
        }
    }
}
