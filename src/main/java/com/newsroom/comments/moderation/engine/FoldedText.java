package com.newsroom.comments.moderation.engine;

import static com.newsroom.comments.moderation.engine.TextNormalizer.F_CODE;
import static com.newsroom.comments.moderation.engine.TextNormalizer.F_LEET;
import static com.newsroom.comments.moderation.engine.TextNormalizer.F_SEPARATED;
import static com.newsroom.comments.moderation.engine.TextNormalizer.F_SOFT_END;
import static com.newsroom.comments.moderation.engine.TextNormalizer.F_SOFT_START;

import java.util.Arrays;

/**
 * Mutable scratch buffer holding the folded ("skeleton") form of one field value.
 *
 * <p>Folding happens in two steps so the ambiguous leet '1' (i or l) costs only a re-emit:
 * {@link #prepare} maps every code point to raw folded chars and applies leet inside tokens
 * that contain letters; {@link #emit} joins runs of single-letter tokens ("f u c k"),
 * collapses separator runs to one space and repeated letters to one char (remembering the
 * run length), and keeps for every folded char the original [start, end) span.
 *
 * <p>Besides the hard word boundaries (the spaces of the folded text), a folded char may carry a
 * soft boundary ({@code F_SOFT_START}/{@code F_SOFT_END}): inside a run of spelled-out letters (so
 * "a z o r g" still contains the word "zorg"), at a camel-case step ("ZorgOff"), after a leading
 * '@' of a mention, and at dictionary word breaks in scripts written without spaces.
 *
 * <p>Not thread-safe: one instance per thread (see {@link CompiledRules}).
 */
final class FoldedText {

    static final char AMBIGUOUS_ONE = '\u0001';

    static final byte K_SEP = 0;
    private static final byte K_LETTER = 1;
    private static final byte K_DIGIT = 2;
    private static final byte K_LEET = 3;

    // Raw stage: one entry per folded char before token processing.
    private char[] rc = new char[64];
    private byte[] rk = new byte[64];
    private int[] rs = new int[64];
    private int[] re = new int[64];
    private int[] rf = new int[64];
    private int rn;

    private char[] src = new char[128];

    // Output stage.
    char[] chars = new char[128];
    int[] start = new int[128];
    int[] end = new int[128];
    /** Run length (bits 0-15) and flags (bits 16-31) per folded char, packed to save a store per char. */
    int[] meta = new int[128];
    int length;
    /** True if a leet '1' was seen, so the caller should also try {@code emit(true)}. */
    boolean ambiguous;
    /** Number of folded chars with {@code F_SOFT_START}; 0 in most texts, so scans skip the soft-start pass. */
    int softStarts;
    /** True if the text has letters of a script written without spaces (see {@link Spaceless}). */
    boolean spaceless;
    String source;
    /** Per-thread segmenter for spaceless scripts, created on first use. */
    Spaceless segmenter;
    // The last word-list look-up on this text: several hits in one word ask the same question.
    private int listedFrom = -1;
    private int listedTo;
    private boolean listedValue;

    /** True if the folded chars [a, b) with their doubled letters are a listed English word (cached for the last range). */
    boolean listed(int a, int b) {
        if (a != listedFrom || b != listedTo) {
            listedValue = WordList.english().containsFolded(chars, meta, a, b);
            listedFrom = a;
            listedTo = b;
        }
        return listedValue;
    }

    int capacity() {
        return rc.length;
    }

    /**
     * Folds {@code s} into {@link #chars} etc. In e-mail mode '@' is a separator rather than
     * leet for 'a'; {@code oneAsL} reads a leet '1' as 'l' instead of 'i'.
     */
    void fold(String s, boolean emailMode, boolean oneAsL) {
        listedFrom = -1;
        if (!foldDirect(s, emailMode, oneAsL, false)) {
            foldGeneral(s, emailMode, oneAsL, false);
        }
    }

    /**
     * {@link #fold}, plus, when the text has letters of a script written without spaces
     * ({@link #spaceless}), a soft boundary inside a word wherever its script changes ("这是shit"):
     * the form that term scans read (see {@link Spaceless}).
     */
    void foldMarked(String s, boolean emailMode, boolean oneAsL) {
        listedFrom = -1;
        if (!foldDirect(s, emailMode, oneAsL, true)) {
            foldGeneral(s, emailMode, oneAsL, true);
        }
    }

    /** {@link #fold} ({@link #foldMarked} if {@code marked}) by the general path alone, which defines the output. */
    void foldGeneral(String s, boolean emailMode, boolean oneAsL, boolean marked) {
        listedFrom = -1;
        prepare(s, emailMode);
        emit(oneAsL);
        if (marked && spaceless) {
            markScriptChanges(0, length);
        }
    }

    /** True if a folded char belongs to a run that {@link Spaceless} treats as spaceless script. */
    static boolean spacelessChar(char ch) {
        return ch >= 0x0E00 && (TextNormalizer.isSpaceless(ch) || (ch >= 0xD800 && ch <= 0xDFFF));
    }

    /**
     * Soft boundaries inside the words of the folded chars [from, to) where spaceless and other
     * script meet; true if there was such a place.
     */
    private boolean markScriptChanges(int from, int to) {
        boolean any = false;
        for (int k = Math.max(from, 1); k < to; k++) {
            char prev = chars[k - 1];
            if (prev != ' ' && chars[k] != ' ' && spacelessChar(chars[k]) != spacelessChar(prev)) {
                softAt(k);
                any = true;
            }
        }
        return any;
    }

    /** Marks a soft word start at folded char k and a soft word end before it. */
    void softAt(int k) {
        if ((meta[k] & (TextNormalizer.F_SOFT_START << FLAG_SHIFT)) == 0) {
            softStarts++;
        }
        meta[k] |= TextNormalizer.F_SOFT_START << FLAG_SHIFT;
        meta[k - 1] |= TextNormalizer.F_SOFT_END << FLAG_SHIFT;
    }

    private static final byte[] ASCII_KIND = new byte[128];
    private static final byte[] ASCII_KIND_EMAIL = new byte[128];
    private static final char[] ASCII_LEET = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            byte k = K_SEP;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                k = K_LETTER;
            } else if (c >= '0' && c <= '9') {
                k = K_DIGIT;
            } else if (c == '$' || c == '@') {
                k = K_LEET;
            }
            ASCII_KIND[c] = k;
            ASCII_KIND_EMAIL[c] = c == '@' ? K_SEP : k;
            ASCII_LEET[c] = leet(c);
        }
    }

    /**
     * Fused single-pass version of prepare + leet + emit (and, if {@code markScripts}, the script
     * changes of {@link #foldMarked}): the same output (see FoldedTextTest) without the raw arrays.
     * It takes ASCII and the BMP chars that fold to one char ({@link TextNormalizer#one}), which is
     * most comments in any script, with leet only in tokens of ASCII chars. It returns false, having
     * done nothing useful, at anything else: a char that folds to none or several (combining marks,
     * invisible chars, ligatures), a surrogate, a digit or symbol in a token with non-ASCII letters, a
     * '!' next to a non-ASCII char. The general path then starts again.
     */
    private boolean foldDirect(String s, boolean emailMode, boolean oneAsL, boolean markScripts) {
        final int n = s.length();
        final byte[] kinds = emailMode ? ASCII_KIND_EMAIL : ASCII_KIND;
        ensureOut(n * 2 + 2);
        final char[] oc = chars;
        final int[] os = start;
        final int[] oe = end;
        final int[] om = meta;
        char[] buf = src;
        if (buf.length < n) {
            buf = new char[Math.max(n, buf.length * 2)];
            src = buf;
        }
        s.getChars(0, n, buf, 0); // bulk copy: much cheaper than charAt per char
        int o = 0;
        int soft = 0;
        boolean prevSingle = false;
        boolean amb = false;
        boolean sl = false;
        boolean scriptMarks = false;
        int i = 0;
        while (i < n) {
            char c = buf[i];
            if (c < 128) {
                if (kinds[c] == K_SEP) {
                    i++;
                    continue;
                }
            } else {
                if (Character.isSurrogate(c)) {
                    return false;
                }
                int p = TextNormalizer.one(c);
                if (p == 0) {
                    return false;
                }
                if ((p & TextNormalizer.SPACELESS << TextNormalizer.ONE_PROPS_SHIFT) != 0) {
                    sl = true;
                }
                if (((p >>> 16) & 3) == K_SEP || (emailMode && (char) p == '@')) {
                    i++;
                    continue;
                }
            }
            int a = i;
            boolean letters = false;
            boolean other = false;
            boolean nonAscii = false;
            while (i < n) {
                c = buf[i];
                byte k;
                if (c < 128) {
                    k = kinds[c];
                    if (k == K_SEP) {
                        if (c != '!' || i == a || i + 1 >= n) {
                            break;
                        }
                        if (buf[i - 1] >= 128 || buf[i + 1] >= 128) {
                            return false; // the general path's rule reads letters of any script there
                        }
                        if (!bangIsLeet(buf, a, i, n)) {
                            break;
                        }
                    }
                } else {
                    if (Character.isSurrogate(c)) {
                        return false;
                    }
                    int p = TextNormalizer.one(c);
                    if (p == 0) {
                        return false;
                    }
                    if ((p & TextNormalizer.SPACELESS << TextNormalizer.ONE_PROPS_SHIFT) != 0) {
                        sl = true;
                    }
                    k = (byte) ((p >>> 16) & 3);
                    if (k == K_SEP || (emailMode && (char) p == '@')) {
                        break;
                    }
                    nonAscii = true;
                }
                if (k == K_LETTER) {
                    letters = true;
                } else {
                    other = true;
                }
                i++;
            }
            int b = i;
            if (nonAscii) {
                if (other) {
                    return false; // leet, codes and numbers next to other scripts: the general path
                }
                boolean single = b - a == 1;
                boolean join = single && prevSingle;
                if (join) {
                    om[o - 1] |= (F_SEPARATED | F_SOFT_END) << FLAG_SHIFT;
                } else if (o > 0) {
                    oc[o] = ' ';
                    os[o] = a;
                    oe[o] = a;
                    om[o] = 1;
                    o++;
                }
                int tokenOut = o;
                int f0 = join ? F_SEPARATED | F_SOFT_START : 0;
                if (join) {
                    soft++;
                }
                boolean continuing = join;
                boolean prevLower = false;
                for (int j = a; j < b; j++) {
                    char raw = buf[j];
                    char ch;
                    int f = f0;
                    boolean upper;
                    boolean lower;
                    if (raw < 128) {
                        upper = raw >= 'A' && raw <= 'Z';
                        lower = raw >= 'a' && raw <= 'z';
                        ch = upper ? (char) (raw + 32) : raw;
                    } else {
                        int p = TextNormalizer.one(raw);
                        ch = (char) p;
                        upper = (p & TextNormalizer.UPPER << TextNormalizer.ONE_PROPS_SHIFT) != 0;
                        lower = !upper && (p & TextNormalizer.LOWER << TextNormalizer.ONE_PROPS_SHIFT) != 0;
                        f |= (p >>> TextNormalizer.ONE_FLAGS_SHIFT) & 0x1FF;
                    }
                    if (upper && prevLower) {
                        // camel case, as in the ASCII tokens below
                        om[o - 1] |= F_SOFT_END << FLAG_SHIFT;
                        f |= F_SOFT_START;
                        soft++;
                    }
                    prevLower = lower;
                    if (continuing && oc[o - 1] == ch && (ch < '0' || ch > '9')
                            && (ch < 0x0E00 || !TextNormalizer.isSpaceless(ch))) {
                        oe[o - 1] = j + 1;
                        int m = om[o - 1];
                        om[o - 1] = ((m & RUN_MASK) == RUN_MASK ? m : m + 1) | (f << FLAG_SHIFT);
                    } else {
                        oc[o] = ch;
                        os[o] = j;
                        oe[o] = j + 1;
                        om[o] = 1 | (f << FLAG_SHIFT);
                        o++;
                    }
                    continuing = true;
                }
                prevSingle = single;
                if (markScripts) {
                    // After the token's merges, as foldMarked's general path marks after emit. An ASCII
                    // token never needs it: it only meets another script by joining a spelled-out
                    // letter, and joined letters carry both soft boundaries already.
                    softStarts = soft;
                    scriptMarks |= markScriptChanges(tokenOut, o);
                    soft = softStarts;
                }
                continue;
            }
            if (!letters && leetOnly(buf, a, b, kinds)) {
                letters = true; // "4$$": symbols and digits only, but no number or price
            }
            if (!letters) {
                // Numbers stay numbers; '$'/'@' without letters are separators ("$100").
                int j = a;
                while (j < b) {
                    if (kinds[buf[j]] != K_DIGIT) {
                        j++;
                        continue;
                    }
                    if (o > 0) {
                        oc[o] = ' ';
                        os[o] = j;
                        oe[o] = j;
                        om[o] = 1;
                        o++;
                    }
                    while (j < b && kinds[buf[j]] == K_DIGIT) {
                        oc[o] = buf[j];
                        os[o] = j;
                        oe[o] = j + 1;
                        om[o] = 1;
                        o++;
                        j++;
                    }
                    prevSingle = false;
                }
                continue;
            }
            boolean leet = other && !isNumberWithUnit(buf, a, b, kinds) && !isCodeAscii(buf, a, b, kinds);
            int code = leet && hasCodeShape(buf, a, b, kinds) ? F_CODE : 0;
            boolean mention = leet && buf[a] == '@' && b - a > 1 && kinds[buf[a + 1]] == K_LETTER;
            boolean single = b - a == 1;
            boolean join = single && prevSingle;
            if (join) {
                om[o - 1] |= (F_SEPARATED | F_SOFT_END) << FLAG_SHIFT;
            } else if (o > 0) {
                oc[o] = ' ';
                os[o] = a;
                oe[o] = a;
                om[o] = 1;
                o++;
            }
            int f0 = join ? F_SEPARATED | F_SOFT_START | code : code;
            if (join) {
                soft++;
            }
            boolean continuing = join;
            char prevRaw = 0;
            for (int j = a; j < b; j++) {
                char raw = buf[j];
                char ch = raw;
                int f = f0;
                if (ch >= 'A' && ch <= 'Z') {
                    ch += 32;
                    if (prevRaw >= 'a' && prevRaw <= 'z') {
                        // camel case: "ZorgOff" holds the words "zorg" and "off"
                        om[o - 1] |= F_SOFT_END << FLAG_SHIFT;
                        f |= F_SOFT_START;
                        soft++;
                    }
                } else if (ch < 'A' && leet) {
                    char m = ASCII_LEET[ch];
                    if (m != 0) {
                        f |= F_LEET;
                        if (m == AMBIGUOUS_ONE) {
                            amb = true;
                            m = oneAsL ? 'l' : 'i';
                        }
                        ch = m;
                    }
                }
                if (mention && j == a + 1) {
                    // "@ZorgOff": a word may start after the '@' of a mention ("@ss" still reads "ass")
                    om[o - 1] |= F_SOFT_END << FLAG_SHIFT;
                    f |= F_SOFT_START;
                    soft++;
                }
                if (continuing && oc[o - 1] == ch && (ch < '0' || ch > '9')) {
                    oe[o - 1] = j + 1;
                    int m = om[o - 1];
                    om[o - 1] = ((m & RUN_MASK) == RUN_MASK ? m : m + 1) | (f << FLAG_SHIFT);
                } else {
                    oc[o] = ch;
                    os[o] = j;
                    oe[o] = j + 1;
                    om[o] = 1 | (f << FLAG_SHIFT);
                    o++;
                }
                continuing = true;
                prevRaw = raw;
            }
            prevSingle = single;
        }
        if (scriptMarks && !sl) {
            return false; // script changes are marked only in texts with spaceless letters
        }
        length = o;
        ambiguous = amb;
        softStarts = soft;
        spaceless = sl;
        source = s;
        return true;
    }

    private static boolean isNumberWithUnit(char[] s, int a, int b, byte[] kinds) {
        int k = a;
        while (k < b && kinds[s[k]] == K_DIGIT) {
            k++;
        }
        if (k == a || k == b || b - k > MAX_UNIT) {
            return false;
        }
        char[] suffix = new char[b - k];
        for (int x = 0; x < suffix.length; x++) {
            char c = s[k + x];
            suffix[x] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return UNITS.contains(new String(suffix));
    }

    /**
     * A token of digits and '$'/'@' only that reads as a word ("4$$"), rather than a price or number
     * ("$100", "100$", "5@"): at least two symbols, or a symbol between digits, and a leet reading for every digit.
     */
    private static boolean leetOnly(char[] s, int a, int b, byte[] kinds) {
        int symbols = 0;
        for (int j = a; j < b; j++) {
            byte k = kinds[s[j]];
            if (k == K_LEET) {
                symbols++;
            } else if (k != K_DIGIT || ASCII_LEET[s[j]] == 0) {
                return false;
            }
        }
        return b - a >= 3 && (symbols >= 2 || (symbols == 1 && kinds[s[a]] != K_LEET && kinds[s[b - 1]] != K_LEET));
    }

    /** '!' reads as 'i' only between letters or digits ("sh!t", "n!99er", "8!tch"), never at a word end ("shit!"). */
    private static boolean bangIsLeet(char[] s, int tokenStart, int i, int n) {
        return i > tokenStart && i + 1 < n && (isAsciiLetter(s[i - 1]) || (s[i - 1] >= '0' && s[i - 1] <= '9'))
                && (isAsciiLetter(s[i + 1]) || (s[i + 1] >= '0' && s[i + 1] <= '9'));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * Part numbers and road names are not leetspeak: upper-case letters followed only by digits
     * ("A55", "M25", "MP3"), or any digit without a leet reading ("H264").
     */
    private static boolean isCodeAscii(char[] s, int a, int b, byte[] kinds) {
        int k = a;
        while (k < b && s[k] >= 'A' && s[k] <= 'Z') {
            k++;
        }
        int d = k;
        while (d < b && kinds[s[d]] == K_DIGIT) {
            d++;
        }
        if (k > a && d > k && d == b) {
            return true;
        }
        for (int j = a; j < b; j++) {
            if (kinds[s[j]] == K_DIGIT && ASCII_LEET[s[j]] == 0) {
                return true;
            }
        }
        return false;
    }

    /** A digit followed by letters and then a digit again ("x5a2", "1d10t"): only a whole-token hit counts. */
    private static boolean hasCodeShape(char[] s, int a, int b, byte[] kinds) {
        int state = 0; // 0 = before the first digit, 1 = digit seen, 2 = letter after a digit
        for (int j = a; j < b; j++) {
            boolean digit = kinds[s[j]] == K_DIGIT;
            if (digit && state == 2) {
                return true;
            }
            if (digit) {
                state = 1;
            } else if (state == 1 && kinds[s[j]] == K_LETTER) {
                state = 2;
            }
        }
        return false;
    }

    /**
     * General path: maps every code point to raw folded chars, then applies leet per token. A run of
     * separators is kept as one raw separator (and none at the start): only the tokens between them
     * reach the output.
     */
    void prepare(String s, boolean emailMode) {
        source = s;
        rn = 0;
        ambiguous = false;
        spaceless = false;
        int n = s.length();
        ensureRaw(n + 8);
        char[] buf = src;
        if (buf.length < n) {
            buf = new char[Math.max(n, buf.length * 2)];
            src = buf;
        }
        s.getChars(0, n, buf, 0); // bulk copy: charAt and codePointAt per char check bounds and coder each time
        int pending = 0;
        boolean prevLower = false;
        for (int i = 0; i < n; ) {
            char ch = buf[i];
            if (ch < 128) {
                // ASCII fast path: no table look-up, no Normalizer.
                if (ch >= 'a' && ch <= 'z') {
                    raw(ch, K_LETTER, i, i + 1, pending);
                    prevLower = true;
                } else if (ch >= 'A' && ch <= 'Z') {
                    raw((char) (ch + 32), K_LETTER, i, i + 1, pending | camelStep(prevLower));
                    prevLower = false;
                } else {
                    if (ch >= '0' && ch <= '9') {
                        raw(ch, K_DIGIT, i, i + 1, pending);
                    } else if (ch == '$' || (ch == '@' && !emailMode)) {
                        raw(ch, K_LEET, i, i + 1, pending);
                    } else if (ch == '!' && bangIsLeet(s, i)) {
                        raw(ch, K_LEET, i, i + 1, pending);
                    } else {
                        separator(i, i + 1);
                    }
                    prevLower = false;
                }
                pending = 0;
                i++;
                continue;
            }
            int cp = ch;
            int j = i + 1;
            if (Character.isHighSurrogate(ch) && j < n && Character.isLowSurrogate(buf[j])) {
                cp = Character.toCodePoint(ch, buf[j]);
                j++;
            } else {
                int p = TextNormalizer.one(ch);
                if (p != 0) {
                    // Folds to one char: the common case, from one packed int.
                    int props = p >>> TextNormalizer.ONE_PROPS_SHIFT;
                    if ((props & TextNormalizer.SPACELESS) != 0) {
                        spaceless = true;
                    }
                    int camel = 0;
                    if ((props & TextNormalizer.UPPER) != 0) {
                        camel = camelStep(prevLower);
                        prevLower = false;
                    } else {
                        prevLower = (props & TextNormalizer.LOWER) != 0;
                    }
                    char c = (char) p;
                    byte kind = (byte) ((p >>> 16) & 3);
                    if (kind == K_SEP || (emailMode && c == '@')) {
                        separator(i, j);
                    } else {
                        raw(c, kind, i, j, ((p >>> TextNormalizer.ONE_FLAGS_SHIFT) & 0x1FF) | pending | camel);
                    }
                    pending = 0;
                    i = j;
                    continue;
                }
            }
            TextNormalizer.Entry e = TextNormalizer.entry(cp);
            char[] t = e.chars;
            if (t.length == 0) {
                if (e.mark && rn > 0 && rk[rn - 1] != K_SEP) {
                    // A combining mark belongs to the previous char: widen its span.
                    re[rn - 1] = j;
                    rf[rn - 1] |= e.flags;
                } else {
                    pending |= e.flags;
                }
            } else {
                int props = e.props;
                if ((props & TextNormalizer.SPACELESS) != 0) {
                    spaceless = true;
                }
                int camel = 0;
                if ((props & TextNormalizer.UPPER) != 0) {
                    camel = camelStep(prevLower);
                    prevLower = false;
                } else {
                    prevLower = (props & TextNormalizer.LOWER) != 0;
                }
                ensureRaw(rn + t.length + 1);
                byte[] kinds = e.kinds;
                int flags = e.flags | pending;
                for (int k = 0; k < t.length; k++) {
                    char c = t[k];
                    byte kind = kinds[k];
                    if (emailMode && c == '@') {
                        kind = K_SEP; // a fullwidth '@' of an address
                    }
                    if (kind == K_SEP) {
                        separator(i, j);
                    } else {
                        rc[rn] = c;
                        rk[rn] = kind;
                        rs[rn] = i;
                        re[rn] = j;
                        rf[rn] = flags | camel;
                        rn++;
                    }
                    camel = 0;
                }
                pending = 0;
            }
            i = j;
        }
        applyLeet();
    }

    /** A raw separator for the source's [i, j), unless the last raw char is one already (or there is none yet). */
    private void separator(int i, int j) {
        if (rn > 0 && rk[rn - 1] != K_SEP) {
            raw(' ', K_SEP, i, j, 0);
        }
    }

    /** The kind of a folded char outside e-mail mode, for {@link TextNormalizer.Entry}'s precomputed kinds. */
    static byte kindOf(char c) {
        return kind(c, false);
    }

    /** At an upper-case letter right after a lower-case one, marks the soft boundary between them. */
    private int camelStep(boolean prevLower) {
        if (!prevLower || rn == 0 || rk[rn - 1] == K_SEP) {
            return 0;
        }
        rf[rn - 1] |= F_SOFT_END;
        return F_SOFT_START;
    }

    /** Same rule as {@link #bangIsLeet(char[], int, int, int)} on the general path. */
    private boolean bangIsLeet(String s, int i) {
        if (rn == 0 || (rk[rn - 1] != K_LETTER && rk[rn - 1] != K_DIGIT) || i + 1 >= s.length()) {
            return false;
        }
        char next = s.charAt(i + 1);
        return isAsciiLetter(next) || (next >= '0' && next <= '9') || Character.isLetter(next);
    }

    private static byte kind(char c, boolean emailMode) {
        if (c >= 'a' && c <= 'z') {
            return K_LETTER;
        }
        if (c >= '0' && c <= '9') {
            return K_DIGIT;
        }
        if (c == '$' || (c == '@' && !emailMode)) {
            return K_LEET;
        }
        if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
            return K_LETTER;
        }
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
            return K_LETTER; // vowel signs of Thai, Indic, Khmer, Myanmar... (see TextNormalizer.keepsMarks)
        }
        return K_SEP;
    }

    private void raw(char c, byte kind, int s, int e, int f) {
        if (rn == rc.length) {
            ensureRaw(rn * 2);
        }
        rc[rn] = c;
        rk[rn] = kind;
        rs[rn] = s;
        re[rn] = e;
        rf[rn] = f;
        rn++;
    }

    private void ensureRaw(int cap) {
        if (cap > rc.length) {
            int c = Math.max(cap, rc.length * 2);
            rc = Arrays.copyOf(rc, c);
            rk = Arrays.copyOf(rk, c);
            rs = Arrays.copyOf(rs, c);
            re = Arrays.copyOf(re, c);
            rf = Arrays.copyOf(rf, c);
        }
    }

    /** Leet only inside tokens that contain letters, so "2024" or "$100" stay numbers. */
    private void applyLeet() {
        int i = 0;
        while (i < rn) {
            if (rk[i] == K_SEP) {
                i++;
                continue;
            }
            int a = i;
            boolean letters = false;
            boolean symbolsOrDigits = false;
            while (i < rn && rk[i] != K_SEP) {
                if (rk[i] == K_LETTER) {
                    letters = true;
                } else {
                    symbolsOrDigits = true;
                }
                i++;
            }
            if (!symbolsOrDigits) {
                continue;
            }
            if (!letters && leetOnly(a, i)) {
                letters = true;
            }
            if (!letters) {
                for (int k = a; k < i; k++) {
                    if (rk[k] == K_LEET) {
                        rk[k] = K_SEP;
                        rc[k] = ' ';
                    }
                }
                continue;
            }
            if (isNumberWithUnit(a, i) || isCode(a, i)) {
                continue;
            }
            int code = hasCodeShape(a, i) ? F_CODE : 0;
            if (rc[a] == '@' && i - a > 1 && rk[a + 1] == K_LETTER) {
                rf[a] |= F_SOFT_END;
                rf[a + 1] |= F_SOFT_START;
            }
            for (int k = a; k < i; k++) {
                rf[k] |= code;
                if (rk[k] == K_LETTER) {
                    continue;
                }
                char m = leet(rc[k]);
                if (m != 0) {
                    rc[k] = m;
                    rk[k] = K_LETTER;
                    rf[k] |= F_LEET;
                    if (m == AMBIGUOUS_ONE) {
                        ambiguous = true;
                    }
                } else if (rk[k] == K_LEET) {
                    rk[k] = K_SEP;
                    rc[k] = ' ';
                }
            }
        }
    }

    private static char leet(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1' -> AMBIGUOUS_ONE;
            case '3' -> 'e';
            case '4' -> 'a';
            case '5' -> 's';
            case '7' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            case '@' -> 'a';
            case '$' -> 's';
            case '!' -> 'i';
            default -> 0;
        };
    }

    /** General-path twin of {@link #leetOnly(char[], int, int, byte[])}. */
    private boolean leetOnly(int a, int b) {
        int symbols = 0;
        for (int j = a; j < b; j++) {
            if (rk[j] == K_LEET && (rc[j] == '$' || rc[j] == '@')) {
                symbols++;
            } else if (rk[j] != K_DIGIT || leet(rc[j]) == 0) {
                return false;
            }
        }
        return b - a >= 3 && (symbols >= 2 || (symbols == 1 && rk[a] != K_LEET && rk[b - 1] != K_LEET));
    }

    /** General-path twin of {@link #isCodeAscii}: the letters' case comes from the source. */
    private boolean isCode(int a, int b) {
        int k = a;
        while (k < b && rk[k] == K_LETTER && Character.isUpperCase(source.codePointAt(rs[k]))) {
            k++;
        }
        int d = k;
        while (d < b && rk[d] == K_DIGIT) {
            d++;
        }
        if (k > a && d > k && d == b) {
            return true;
        }
        for (int j = a; j < b; j++) {
            if (rk[j] == K_DIGIT && leet(rc[j]) == 0) {
                return true;
            }
        }
        return false;
    }

    /** General-path twin of {@link #hasCodeShape(char[], int, int, byte[])}. */
    private boolean hasCodeShape(int a, int b) {
        int state = 0;
        for (int j = a; j < b; j++) {
            if (rk[j] == K_DIGIT) {
                if (state == 2) {
                    return true;
                }
                state = 1;
            } else if (state == 1 && rk[j] == K_LETTER) {
                state = 2;
            }
        }
        return false;
    }

    /** Ordinals and units: "1st", "5pm", "10km" are numbers, not leetspeak. */
    private static final java.util.Set<String> UNITS = java.util.Set.of(
        "st", "nd", "rd", "th", "am", "pm", "s", "k", "m", "km", "kg", "g", "h", "x", "d", "mb", "gb", "kb",
        "p", "px", "mm", "cm", "ml", "l", "lb", "lbs", "min", "hrs", "yo", "mph", "kmh", "ft");
    private static final int MAX_UNIT = 3;

    /** "1st", "5pm", "10km": digits followed by a common unit suffix are not leetspeak. */
    private boolean isNumberWithUnit(int a, int b) {
        int k = a;
        while (k < b && rk[k] == K_DIGIT) {
            k++;
        }
        if (k == a || k == b || b - k > MAX_UNIT) {
            return false;
        }
        char[] suffix = new char[b - k];
        for (int x = 0; x < suffix.length; x++) {
            if (rk[k + x] != K_LETTER) {
                return false;
            }
            suffix[x] = rc[k + x];
        }
        return UNITS.contains(new String(suffix));
    }

    /** Builds the folded output from the raw stage; {@code oneAsL} chooses 'l' instead of 'i' for a leet '1'. */
    void emit(boolean oneAsL) {
        ensureOut(rn * 2 + 2);
        int n = 0;
        int soft = 0;
        boolean prevSingle = false;
        int i = 0;
        while (i < rn) {
            if (rk[i] == K_SEP) {
                i++;
                continue;
            }
            int a = i;
            while (i < rn && rk[i] != K_SEP) {
                i++;
            }
            boolean single = i - a == 1 && rk[a] == K_LETTER;
            boolean join = single && prevSingle;
            if (n > 0 && !join) {
                chars[n] = ' ';
                start[n] = rs[a];
                end[n] = rs[a];
                meta[n] = 1;
                n++;
            }
            if (join) {
                meta[n - 1] |= (F_SEPARATED | F_SOFT_END) << FLAG_SHIFT;
            }
            boolean continuing = join;
            for (int k = a; k < i; k++) {
                char c = rc[k];
                if (c == AMBIGUOUS_ONE) {
                    c = oneAsL ? 'l' : 'i';
                }
                int f = join ? rf[k] | F_SEPARATED | F_SOFT_START : rf[k];
                if ((f & F_SOFT_START) != 0) {
                    soft++;
                }
                if (continuing && chars[n - 1] == c && (c < '0' || c > '9') && !TextNormalizer.isSpaceless(c)) {
                    // Stretched letter ("fuuuck"): one folded char, remember the run length. Not in
                    // scripts without spaces, where a repeated character is a word of its own ("妈妈").
                    end[n - 1] = re[k];
                    int m = meta[n - 1];
                    meta[n - 1] = ((m & RUN_MASK) == RUN_MASK ? m : m + 1) | (f << FLAG_SHIFT);
                } else {
                    chars[n] = c;
                    start[n] = rs[k];
                    end[n] = re[k];
                    meta[n] = 1 | (f << FLAG_SHIFT);
                    n++;
                }
                continuing = true;
            }
            prevSingle = single;
        }
        length = n;
        softStarts = soft;
    }

    private void ensureOut(int cap) {
        if (cap > chars.length) {
            int c = Math.max(cap, chars.length * 2);
            chars = Arrays.copyOf(chars, c);
            start = Arrays.copyOf(start, c);
            end = Arrays.copyOf(end, c);
            meta = Arrays.copyOf(meta, c);
        }
    }

    static final int RUN_MASK = 0xFFFF;
    static final int FLAG_SHIFT = 16;

    int run(int k) {
        return meta[k] & RUN_MASK;
    }

    int flags(int k) {
        return meta[k] >>> FLAG_SHIFT;
    }

    /** The folded chars as a String (used for names and term keys, not on the hot path). */
    String foldedString() {
        return new String(chars, 0, length);
    }
}
