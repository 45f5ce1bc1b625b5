package com.newsroom.comments.moderation.engine;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-code-point folding used by {@link FoldedText}: NFKC, diacritics stripped (NFD minus
 * combining marks), cross-script confusables mapped to Latin, locale-independent lower case.
 * Results are cached because {@link Normalizer} is far too slow to call per character.
 */
final class TextNormalizer {

    static final int F_CONFUSABLE = 1;
    static final int F_ACCENT = 2;
    static final int F_COMPAT = 4;
    static final int F_LEET = 8;
    static final int F_INVISIBLE = 16;
    static final int F_SEPARATED = 32;
    static final int F_STRETCHED = 64;

    /** Folding of one code point. {@code text} is empty for invisible chars and combining marks. */
    static final class Entry {
        final String text;
        final int flags;
        final boolean mark;

        Entry(String text, int flags, boolean mark) {
            this.text = text;
            this.flags = flags;
            this.mark = mark;
        }
    }

    // Benign race: entries are immutable (final fields), so a thread either sees null and
    // recomputes the same value, or sees a fully constructed entry.
    private static final Entry[] BMP = new Entry[0x10000];
    private static final Map<Integer, Entry> SUPPLEMENTARY = new ConcurrentHashMap<>();

    /** Look-alikes from other scripts, keyed in their original case (uppercase Greek Eta looks like H, lowercase like n). */
    private static final Map<Integer, Integer> CONFUSABLES = new HashMap<>();

    static {
        // Cyrillic upper case
        confusable("АВЕКМНОРСТХУІЈЅ", "ABEKMHOPCTXYIJS");
        // Cyrillic lower case
        confusable("авекмнорстхуіјѕԁһӏԛԝьгп", "abekmhopctxyijsdhlqwbrn");
        // Greek upper case
        confusable("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX");
        // Greek lower case
        confusable("αβεικνορτυχηγωμς", "abeikvoptuxnywus");
        // Latin letters without a canonical decomposition, and odd Latin look-alikes
        confusable("ıłøđħŀɡƖǀ", "ilodhlgll");
    }

    private static void confusable(String from, String to) {
        if (from.length() != to.length()) {
            throw new IllegalStateException("confusable table mismatch");
        }
        for (int i = 0; i < from.length(); i++) {
            CONFUSABLES.put((int) from.charAt(i), (int) to.charAt(i));
        }
    }

    private TextNormalizer() { }

    static Entry entry(int cp) {
        if (cp < 0x10000) {
            Entry e = BMP[cp];
            if (e == null) {
                e = compute(cp);
                BMP[cp] = e;
            }
            return e;
        }
        return SUPPLEMENTARY.computeIfAbsent(cp, TextNormalizer::compute);
    }

    private static Entry compute(int cp) {
        int type = Character.getType(cp);
        // Zero-width space/joiners, word joiner, BOM, soft hyphen, bidi controls...: all Cf.
        if (type == Character.FORMAT || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0) {
            return new Entry("", F_INVISIBLE, false);
        }
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return new Entry("", F_ACCENT, true);
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return new Entry(" ", 0, false);
        }
        String src = new String(Character.toChars(cp));
        int flags = 0;
        String compat = Normalizer.normalize(src, Normalizer.Form.NFKC);
        if (!compat.equals(src)) {
            flags |= F_COMPAT;
        }
        String decomposed = Normalizer.normalize(compat, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int t = Character.getType(c);
            if (t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK) {
                flags |= F_ACCENT;
                continue;
            }
            if (t == Character.FORMAT) {
                continue;
            }
            Integer latin = CONFUSABLES.get(c);
            if (latin != null) {
                // Turkish dotless i and friends are "accents" rather than a script switch.
                flags |= c < 0x370 ? F_ACCENT : F_CONFUSABLE;
                c = latin;
            }
            // Character.toLowerCase(int) ignores the default locale (unlike String.toLowerCase()).
            c = Character.toLowerCase(c);
            switch (c) {
                case 0xDF -> sb.append("ss");   // ß
                case 0xE6 -> sb.append("ae");   // æ
                case 0x153 -> sb.append("oe");  // œ
                default -> {
                    Integer again = CONFUSABLES.get(c);
                    if (again != null) {
                        flags |= c < 0x370 ? F_ACCENT : F_CONFUSABLE;
                        c = again;
                    }
                    sb.appendCodePoint(c);
                }
            }
        }
        return new Entry(sb.toString(), flags, false);
    }

    /** Human-readable list of evasion flags, e.g. "separators, leetspeak". */
    static String describe(int flags) {
        if (flags == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        append(sb, flags, F_SEPARATED, "separators");
        append(sb, flags, F_LEET, "leetspeak");
        append(sb, flags, F_CONFUSABLE, "confusables");
        append(sb, flags, F_COMPAT, "compatibility forms");
        append(sb, flags, F_ACCENT, "diacritics");
        append(sb, flags, F_INVISIBLE, "invisible characters");
        append(sb, flags, F_STRETCHED, "stretched letters");
        return sb.toString();
    }

    private static void append(StringBuilder sb, int flags, int bit, String name) {
        if ((flags & bit) != 0) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(name);
        }
    }
}
