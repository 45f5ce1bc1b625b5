package com.newsroom.comments.moderation.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * The bundled English word list (lower-case a-z words of two or more letters, vulgar words left
 * out; derived from SCOWL by {@code bench/recall/build-word-list.mjs}), used to tell an innocent
 * word that contains a term ("cocktails") from a compound or run-together evasion ("shitheads",
 * "shutthefuckup"). Loaded on first use into an open-addressing table of 64-bit word hashes: one
 * memory access per look-up and no word text kept (with 79,000 words, two words or a word and a
 * non-word share a 64-bit hash with a probability of about 1 in 10^14). Immutable and thread-safe.
 */
final class WordList {

    private static final String RESOURCE = "words-en.txt.gz";

    private final long[] table;   // open addressing over 64-bit hashes; 0 = empty
    private final int mask;
    private final int size;

    private WordList(byte[] text) {
        int count = 0;
        for (byte b : text) {
            if (b == '\n') {
                count++;
            }
        }
        int cap = Integer.highestOneBit(Math.max(4, count * 2)); // load factor 0.5 to 0.75
        this.table = new long[cap];
        this.mask = cap - 1;
        int added = 0;
        long h = SEED;
        for (byte b : text) {
            if (b == '\n') {
                added += insert(h) ? 1 : 0;
                h = SEED;
            } else {
                h = step(h, (char) b);
            }
        }
        this.size = added;
    }

    private boolean insert(long h) {
        long k = nonZero(h);
        int i = slot(k);
        while (table[i] != 0) {
            if (table[i] == k) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = k;
        return true;
    }

    private static final class Holder {
        static final WordList ENGLISH = load();
    }

    /** The English list, read from the class path on the first call. */
    static WordList english() {
        return Holder.ENGLISH;
    }

    private static WordList load() {
        try (InputStream in = WordList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            try (GZIPInputStream gz = new GZIPInputStream(in, 1 << 16)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
                gz.transferTo(out);
                return new WordList(out.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return size;
    }

    /** Bytes held by the table. */
    long footprint() {
        return 8L * table.length;
    }

    boolean contains(CharSequence w) {
        return contains(w, 0, w.length());
    }

    /** True if {@code w[from, to)} is a listed word (a-z only; anything else is not listed). */
    boolean contains(CharSequence w, int from, int to) {
        if (to - from < 2) {
            return false;
        }
        long h = SEED;
        for (int i = from; i < to; i++) {
            char c = w.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
            h = step(h, c);
        }
        return find(h);
    }

    /**
     * True if the folded chars [a, b) with their doubled letters restored (a run of two or more reads
     * as two, as {@link Morphology#expand} does) are a listed word; allocates nothing.
     */
    boolean containsFolded(char[] c, int[] meta, int a, int b) {
        return lookupFolded(c, meta, a, b) == LISTED;
    }

    static final int NOT_AZ = -1;
    static final int UNLISTED = 0;
    static final int LISTED = 1;

    /** {@link #containsFolded} that also tells a word with other chars than a-z ({@link #NOT_AZ}) from an unlisted one. */
    int lookupFolded(char[] c, int[] meta, int a, int b) {
        long h = SEED;
        int len = 0;
        for (int k = a; k < b; k++) {
            char ch = c[k];
            if (ch < 'a' || ch > 'z') {
                return NOT_AZ;
            }
            h = step(h, ch);
            len++;
            if ((meta[k] & FoldedText.RUN_MASK) > 1) {
                h = step(h, ch);
                len++;
            }
        }
        return len >= 2 && find(h) ? LISTED : UNLISTED;
    }

    private boolean find(long h) {
        long k = nonZero(h);
        int i = slot(k);
        while (true) {
            long v = table[i];
            if (v == k) {
                return true;
            }
            if (v == 0) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    private static final long SEED = 0xcbf29ce484222325L;

    /** FNV-1a step over one char. */
    private static long step(long h, char c) {
        return (h ^ c) * 0x100000001b3L;
    }

    private static long nonZero(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    private int slot(long k) {
        return (int) (k ^ (k >>> 32)) & mask;
    }
}
