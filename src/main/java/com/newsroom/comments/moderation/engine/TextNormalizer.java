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
    /** Set on the chars of a part-number-like token ("x5a2", "1d10t"): a hit there must be the whole token. */
    static final int F_CODE = 128;
    /** Arabic-script letter variants folded to one form (alef forms, yeh, teh marbuta, keheh). */
    static final int F_SPELLING = 256;
    /** A word may start at this folded char / end after it although no separator is there (camel case, spaced letters, CJK word breaks). */
    static final int F_SOFT_START = 0x4000;
    static final int F_SOFT_END = 0x8000;

    /** Folding of one code point. {@code text} is empty for invisible chars and combining marks. */
    static final class Entry {
        final String text;
        /** {@link #text} as chars, separators as ' ', and each char's kind ({@link FoldedText#kindOf}). */
        final char[] chars;
        final byte[] kinds;
        final int flags;
        final boolean mark;

        /** Case and script of the code point itself: {@link #UPPER}, {@link #LOWER}, {@link #SPACELESS}. */
        final byte props;

        Entry(String text, int flags, boolean mark) {
            this(text, flags, mark, 0);
        }

        Entry(String text, int flags, boolean mark, int cp) {
            this.text = text;
            this.chars = text.toCharArray();
            this.kinds = new byte[chars.length];
            for (int k = 0; k < chars.length; k++) {
                kinds[k] = FoldedText.kindOf(chars[k]);
                if (kinds[k] == FoldedText.K_SEP) {
                    chars[k] = ' ';
                }
            }
            this.flags = flags;
            this.mark = mark;
            int p = 0;
            if (cp != 0) {
                p |= Character.isUpperCase(cp) || Character.isTitleCase(cp) ? UPPER : 0;
                p |= Character.isLowerCase(cp) ? LOWER : 0;
                p |= isSpaceless(cp) ? SPACELESS : 0;
            }
            this.props = (byte) p;
        }
    }

    static final int UPPER = 1;
    static final int LOWER = 2;
    static final int SPACELESS = 4;

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
        // Latin small capitals (no NFKC decomposition)
        confusable("\u1D00\u0299\u1D04\u1D05\u1D07\uA730\u0262\u029C\u026A\u1D0A\u1D0B\u029F\u1D0D\u0274"
                + "\u1D0F\u1D18\u0280\uA731\u1D1B\u1D1C\u1D20\u1D21\u028F\u1D22", "abcdefghijklmnoprstuvwyz");
        // Armenian letters that look Latin
        confusable("օսհոցքզլՕՍՏ", "ouhngpqlOUS");
    }

    /** Arabic-script letter variants written interchangeably, folded to one form. */
    private static final Map<Integer, Integer> SPELLING = Map.of(
            0x0671, 0x0627,   // alef wasla -> alef (hamza/madda forms decompose to alef + a mark)
            0x0649, 0x064A,   // alef maksura -> yeh
            0x06CC, 0x064A,   // Farsi yeh -> yeh
            0x0629, 0x0647,   // teh marbuta -> heh
            0x06A9, 0x0643);  // keheh -> kaf

    private static final int TATWEEL = 0x0640;

    private static void confusable(String from, String to) {
        if (from.length() != to.length()) {
            throw new IllegalStateException("confusable table mismatch");
        }
        for (int i = 0; i < from.length(); i++) {
            CONFUSABLES.put((int) from.charAt(i), (int) to.charAt(i));
        }
    }

    private TextNormalizer() { }

    /**
     * For BMP code points that fold to exactly one char, the whole entry packed in an int: the char
     * (bits 0-15, ' ' for a separator), its kind in {@link FoldedText} (bits 16-17), {@link Entry#props}
     * (bits 18-20), {@link Entry#flags} (bits 21-29) and bit 30 set. 0 = not computed yet, or not one
     * char. One read of a 256 KB array instead of three objects per char on the general folding path.
     * Written before {@link #BMP}: a thread that still sees 0 takes the {@link Entry}, with the same result.
     */
    private static final int[] ONE = new int[0x10000];
    static final int ONE_PROPS_SHIFT = 18;
    static final int ONE_FLAGS_SHIFT = 21;

    /** The packed entry of a BMP code point (see {@link #ONE}), or 0 if it does not fold to one char. */
    static int one(int cp) {
        int p = ONE[cp];
        if (p == 0 && BMP[cp] == null) {
            entry(cp);
            p = ONE[cp];
        }
        return p;
    }

    static Entry entry(int cp) {
        if (cp < 0x10000) {
            Entry e = BMP[cp];
            if (e == null) {
                e = compute(cp);
                if (e.chars.length == 1 && e.flags < 1 << (30 - ONE_FLAGS_SHIFT)) {
                    ONE[cp] = e.chars[0] | e.kinds[0] << 16 | e.props << ONE_PROPS_SHIFT
                            | e.flags << ONE_FLAGS_SHIFT | 1 << 30;
                }
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
        if (cp == TATWEEL) {
            // Kashida only stretches the letter before it: part of that letter's span.
            return new Entry("", F_STRETCHED, true);
        }
        if ((type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) && !keepsMarks(cp)) {
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
            if ((t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK) && !keepsMarks(c)) {
                flags |= F_ACCENT;
                continue;
            }
            Integer variant = SPELLING.get(c);
            if (variant != null) {
                flags |= F_SPELLING;
                c = variant;
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
                // ß stays ß: folding it to "ss" would read German "aß" as English (terms with ß also match "ss").
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
        return new Entry(sb.toString(), flags, false, cp);
    }

    /**
     * Scripts whose combining marks are vowels or consonant signs, not optional diacritics (Indic,
     * Thai, Lao, Tibetan, Myanmar, Khmer): removing them would merge different words.
     */
    static boolean keepsMarks(int cp) {
        return (cp >= 0x0900 && cp <= 0x0FFF) || (cp >= 0x1000 && cp <= 0x109F) || (cp >= 0x1780 && cp <= 0x17FF);
    }

    /** Scripts written without spaces between words, segmented by dictionary (see {@link Spaceless}). */
    static boolean isSpaceless(int cp) {
        return (cp >= 0x0E00 && cp <= 0x0EFF)        // Thai, Lao
                || (cp >= 0x1000 && cp <= 0x109F)    // Myanmar
                || (cp >= 0x1780 && cp <= 0x17FF)    // Khmer
                || (cp >= 0x3040 && cp <= 0x30FF)    // Hiragana, Katakana
                || (cp >= 0x3400 && cp <= 0x4DBF)    // CJK extension A
                || (cp >= 0x4E00 && cp <= 0x9FFF)    // CJK unified ideographs
                || (cp >= 0xF900 && cp <= 0xFAFF)    // CJK compatibility ideographs
                || (cp >= 0xFF66 && cp <= 0xFF9F)    // halfwidth Katakana
                || (cp >= 0x20000 && cp <= 0x3FFFF); // CJK extensions B and later
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
        append(sb, flags, F_SPELLING, "letter variants");
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
