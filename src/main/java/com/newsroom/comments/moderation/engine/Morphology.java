package com.newsroom.comments.moderation.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * English word-forms for TERMS rules with inflections on: which endings make an inflection of a
 * term, when a longer word is a compound or run-together evasion rather than an innocent word, and
 * the table of phonetic spellings. All decisions that need a dictionary use {@link WordList}.
 *
 * <p>Stateless and thread-safe; only called for the rare hits that are not whole words.
 */
final class Morphology {

    private Morphology() { }

    /** Endings that make a regular inflection (or a common slang form) of a term. */
    private static final Set<String> SUFFIXES = Set.of(
            "s", "es", "z", "ed", "ing", "ings", "in", "er", "ers", "y", "ey", "ie", "ier", "iest", "iness",
            "ish", "ery", "ry", "ly");
    /** Endings after a term ending in 'e' ("raped", "raper"). */
    private static final Set<String> E_SUFFIXES = Set.of("d", "r", "rs");
    /** Endings that replace a final 'e' ("raping") or 'y' ("pussies"): used with the term's stem key. */
    static final Set<String> E_STEM_SUFFIXES = Set.of("ing", "ings", "in", "ed", "er", "ers", "y");
    static final Set<String> Y_STEM_SUFFIXES = Set.of("ies", "ied", "ier", "iest", "ily", "iness");
    /** Plural and possessive endings: the same word as the term, so they count even where the form is listed. */
    private static final Set<String> PLURALS = Set.of("s", "es", "z");
    /** Two-letter words allowed as parts of run-together text ("shutthefuckup"); longer parts come from the list. */
    private static final Set<String> SHORT_WORDS = Set.of(
            "up", "me", "my", "on", "in", "it", "of", "no", "so", "go", "do", "to", "be", "by", "at", "or", "an",
            "as", "is", "we", "us", "he", "hi", "ok", "oh", "am", "if", "ya");
    private static final int MAX_SEGMENTED = 40;

    static boolean isSuffix(String rest, String term) {
        return SUFFIXES.contains(rest) || (term.endsWith("e") && E_SUFFIXES.contains(rest));
    }

    static boolean isPlural(String rest) {
        return PLURALS.contains(rest);
    }

    /** A term that is also an innocent English word ("cock", "dick", "tit") needs stronger evidence in compounds. */
    static boolean isAmbiguous(String term) {
        return WordList.english().contains(term);
    }

    static boolean isWord(String s) {
        return WordList.english().contains(s);
    }

    /**
     * True if {@code s} splits completely into listed words or terms of at least {@code minPart}
     * letters, two-letter words from a short list (when {@code minPart} is 2), and the words "a" and
     * "i" between others ("whata|dick").
     */
    static boolean segments(String s, Set<String> terms, int minPart) {
        int n = s.length();
        if (n == 0 || n > MAX_SEGMENTED) {
            return false;
        }
        WordList words = WordList.english();
        boolean[] ok = new boolean[n + 1];
        ok[0] = true;
        int parts = 0;
        for (int i = 1; i <= n; i++) {
            for (int j = i - 1; j >= 0 && !ok[i]; j--) {
                if (!ok[j]) {
                    continue;
                }
                int len = i - j;
                if (len == 1) {
                    char ch = s.charAt(j);
                    ok[i] = (ch == 'a' || ch == 'i') && n > 1;
                } else if (len == 2) {
                    ok[i] = minPart <= 2 && SHORT_WORDS.contains(s.substring(j, i));
                } else if (len >= minPart) {
                    ok[i] = words.contains(s, j, i) || terms.contains(s.substring(j, i));
                }
            }
        }
        return ok[n];
    }

    // ---------------------------------------------------------------- phonetic spellings

    /**
     * The phonetic table: each rule rewrites one spelling of a term into a common sound-alike.
     * Single rules and the pairs "ph" + a "ck" rule are applied ("phuk"); a spelling that is itself a
     * listed English word ("sheet" from "shit") is dropped, so variants add no innocent words.
     */
    private static final List<String[]> PHONETIC = List.of(
            // consonants: ck/k/c/q, f/ph, x for cks, silent h, final devoicing, French "che"
            new String[] {"ck", "k"}, new String[] {"ck", "q"}, new String[] {"ck", "c"},
            new String[] {"^f", "ph"}, new String[] {"^c", "k"}, new String[] {"cks$", "x"},
            new String[] {"wh", "h"}, new String[] {"d$", "t"}, new String[] {"che$", "sh"},
            new String[] {"ss", "zz"}, new String[] {"s$", "z"},
            // vowels: i as y/ie/ee, u as v/oo, ou as oo, long a before a silent e, final o as oe
            new String[] {"i", "y"}, new String[] {"i", "ie"}, new String[] {"i", "ee"},
            new String[] {"u", "v"}, new String[] {"u", "oo"}, new String[] {"ou", "oo"},
            new String[] {"a_e$", "ay"}, new String[] {"o$", "oe"},
            // unstressed endings: -er as -a/-ah/-r, the last syllable's vowel swapped (basterd, fagget, twot)
            new String[] {"er$", "a"}, new String[] {"er$", "ah"}, new String[] {"er$", "r"},
            new String[] {"~a", "e"}, new String[] {"~a", "o"}, new String[] {"~o", "e"}, new String[] {"~o", "i"});
    private static final int MAX_VARIANTS = 40;

    /** Phonetic spellings of a one-word a-z term: single rules, then pairs of rules; empty for other terms. */
    static List<String> phonetic(String term) {
        if (term.length() < 3 || !term.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return List.of();
        }
        Set<String> singles = new LinkedHashSet<>();
        for (String[] rule : PHONETIC) {
            String v = apply(term, rule);
            if (v != null) {
                singles.add(v);
            }
        }
        Set<String> out = new LinkedHashSet<>(singles);
        for (String v : singles) {
            for (String[] rule : PHONETIC) {
                String w = apply(v, rule);
                if (w != null) {
                    out.add(w);
                }
            }
        }
        out.remove(term);
        List<String> kept = new ArrayList<>();
        for (String v : out) {
            if (v.length() >= 3 && !isWord(v) && kept.size() < MAX_VARIANTS) {
                kept.add(v);
            }
        }
        return kept;
    }

    private static String apply(String term, String[] rule) {
        String from = rule[0];
        if (from.startsWith("~")) {
            // the vowel of the last syllable, when it is this one: "bastard" -> "basterd"
            int k = lastVowel(term);
            return k > 0 && term.charAt(k) == from.charAt(1) && k < term.length() - 1
                    ? term.substring(0, k) + rule[1] + term.substring(k + 1) : null;
        }
        if (from.equals("a_e$")) {
            int n = term.length();
            return n >= 4 && term.charAt(n - 1) == 'e' && term.charAt(n - 3) == 'a' && !isVowel(term.charAt(n - 2))
                    ? term.substring(0, n - 3) + rule[1] + term.substring(n - 2) : null;
        }
        if (from.startsWith("^")) {
            String f = from.substring(1);
            return term.startsWith(f) ? rule[1] + term.substring(f.length()) : null;
        }
        if (from.endsWith("$")) {
            String f = from.substring(0, from.length() - 1);
            return term.endsWith(f) && term.length() > f.length() + 1
                    ? term.substring(0, term.length() - f.length()) + rule[1] : null;
        }
        return term.contains(from) ? term.replace(from, rule[1]) : null;
    }

    private static int lastVowel(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (isVowel(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    // ---------------------------------------------------------------- words innocent in other languages

    /**
     * Words that are ordinary in another language but English terms or their forms ("dick" is
     * German for thick, "slut" Swedish for end, "kunt" Dutch for can), with that language's common
     * function words (folded: no accents). A hit on such a word is dropped when the field reads as
     * that language.
     */
    private record Language(Set<String> falseFriends, Set<String> functionWords) { }

    private static final List<Language> LANGUAGES = List.of(
            new Language(Set.of("dick", "dicke", "dicker", "dicken", "dickes", "dickem", "fick", "kock"),
                    Set.of("der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "ich", "sie", "wir",
                            "mit", "auf", "den", "dem", "sehr", "auch", "sich", "aber", "wie", "noch", "nur", "wenn",
                            "war", "hat", "sind", "zum", "zur", "bei", "nach", "oder", "kein", "dass", "zu", "es",
                            "von", "im", "mir", "dir")),
            new Language(Set.of("cok", "kok", "dik"),
                    Set.of("ve", "bir", "bu", "da", "de", "cok", "icin", "ile", "ama", "gibi", "daha", "ne", "mi",
                            "var", "yok", "ben", "sen", "biz", "siz", "degil", "olarak", "kadar", "sonra", "her",
                            "guzel", "cunku", "simdi", "hic", "iyi", "bugun", "hava", "haber")),
            new Language(Set.of("kunt", "dik", "kont", "kok"),
                    Set.of("de", "het", "een", "en", "van", "ik", "je", "jij", "niet", "dat", "die", "is", "op",
                            "te", "met", "voor", "zijn", "maar", "ook", "wel", "als", "nog", "bij", "naar", "wat")),
            new Language(Set.of("slut", "slutet", "sluta", "fack", "kock", "prick"),
                    Set.of("och", "att", "det", "som", "en", "pa", "av", "med", "till", "den", "har", "inte",
                            "om", "ett", "var", "jag", "men", "eller", "sig", "sa", "vi", "ska", "kan", "efter",
                            "og", "ikke", "af", "til", "er", "jeg")));

    /** True if {@code word} (folded) is innocent in a language that the folded text reads as. */
    static boolean isForeignWord(String word, char[] text, int length) {
        for (Language lang : LANGUAGES) {
            if (lang.falseFriends().contains(word) && readsAs(lang, text, length)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> ENGLISH = Set.of(
            "the", "and", "is", "are", "you", "your", "this", "that", "it", "of", "to", "in", "for", "with", "was",
            "not", "be", "have", "what", "he", "she", "they", "we", "on", "at", "my", "so", "but", "an", "or");

    /** Function words of all languages above as 64-bit hashes, sorted, with a bit per language (bit 7: English). */
    private static final long[] FUNCTION_HASHES;
    private static final byte[] FUNCTION_LANGS;

    static {
        java.util.TreeMap<Long, Integer> m = new java.util.TreeMap<>();
        for (int l = 0; l < LANGUAGES.size(); l++) {
            for (String w : LANGUAGES.get(l).functionWords()) {
                m.merge(hash(w), 1 << l, (x, y) -> x | y);
            }
        }
        for (String w : ENGLISH) {
            m.merge(hash(w), 1 << 7, (x, y) -> x | y);
        }
        FUNCTION_HASHES = new long[m.size()];
        FUNCTION_LANGS = new byte[m.size()];
        int k = 0;
        for (var e : m.entrySet()) {
            FUNCTION_HASHES[k] = e.getKey();
            FUNCTION_LANGS[k++] = (byte) (int) e.getValue();
        }
    }

    private static long hash(CharSequence w) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < w.length(); i++) {
            h = (h ^ w.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /**
     * Bits of the languages the folded text reads as: at least two of a language's function words,
     * and more than English ones. Allocates nothing but a small counter array.
     */
    private static int languagesOf(char[] text, int length) {
        int[] counts = new int[8];
        int i = 0;
        while (i < length) {
            long h = 0xcbf29ce484222325L;
            int a = i;
            while (i < length && text[i] != ' ') {
                h = (h ^ text[i]) * 0x100000001b3L;
                i++;
            }
            if (i - a <= 6) {
                int at = java.util.Arrays.binarySearch(FUNCTION_HASHES, h);
                if (at >= 0) {
                    int mask = FUNCTION_LANGS[at] & 0xFF;
                    for (int l = 0; l < 8; l++) {
                        counts[l] += (mask >>> l) & 1;
                    }
                }
            }
            i++;
        }
        int out = 0;
        for (int l = 0; l < LANGUAGES.size(); l++) {
            if (counts[l] >= 2 && counts[l] > counts[7]) {
                out |= 1 << l;
            }
        }
        return out;
    }

    private static boolean readsAs(Language lang, char[] text, int length) {
        return (languagesOf(text, length) & (1 << LANGUAGES.indexOf(lang))) != 0;
    }

    /**
     * True if the folded text reads as one of the languages above rather than English: inflections
     * and compounds are English, and "söyledi" is no "so" + term.
     */
    static boolean readsAsOtherLanguage(char[] text, int length) {
        return languagesOf(text, length) != 0;
    }

    // ---------------------------------------------------------------- hits inside words

    /**
     * Endings of regular inflections: such a form counts even where it is also a listed word
     * ("raping"); other endings make new words, so a listed one is innocent ("killer", "cocky").
     */
    private static final Set<String> REGULAR = Set.of("s", "es", "z", "ies", "ed", "d", "ing", "ings");

    /**
     * False if a hit of a stem key ({@code kinds}: bits per {@link TermIndex#E_STEM} / {@link TermIndex#Y_STEM})
     * cannot be an inflection: a stem counts only at a word start and followed by one of its endings
     * ({@link #E_STEM_SUFFIXES}: i, e or y first; {@link #Y_STEM_SUFFIXES}: i). Most stem hits are
     * ordinary words ("mon" in "money"), rejected here before any look-up.
     */
    static boolean stemMayFit(int kinds, char[] c, int end, boolean startOk, boolean endOk) {
        if (!startOk || endOk) {
            return false;
        }
        char next = c[end];
        return ((kinds & 1 << TermIndex.E_STEM) != 0 && (next == 'i' || next == 'e' || next == 'y'))
                || ((kinds & 1 << TermIndex.Y_STEM) != 0 && next == 'i');
    }

    /**
     * Decides a hit of a term that is not a whole word: an inflection ("fuckers", "bitchy", "raping"),
     * a compound or run-together word whose other parts are listed words or terms ("shitheads",
     * "shutthefuckup", "#fuckthispaper"), or nothing ("cocktails", "Scunthorpe", "therapists").
     * Returns the span to report, or null.
     */
    static TermIndex.Match classify(FoldedText ft, TermIndex.Entry e, int s, int end, boolean startOk,
                                    boolean endOk, Set<String> terms) {
        String plain = e.plain();
        if (plain == null || e.prefix()) {
            return null;
        }
        boolean phonetic = e.kind() == TermIndex.PHONETIC;
        char[] c = ft.chars;
        if ((e.kind() == TermIndex.E_STEM || e.kind() == TermIndex.Y_STEM)
                && !stemMayFit(1 << e.kind(), c, end, startOk, endOk)) {
            return null;
        }
        int ts = wordStart(ft, s);
        int te = wordEnd(ft, end);
        if (ts < 0 || te < 0 || te - ts > MAX_WORD) {
            return null;
        }
        int preStart = s;
        if (!startOk) {
            preStart = ts;
            for (int k = s - 1; k > ts; k--) {
                if ((ft.flags(k) & TextNormalizer.F_SOFT_START) != 0) {
                    preStart = k;
                    break;
                }
            }
        }
        int postEnd = end;
        if (!endOk) {
            postEnd = te;
            for (int k = end; k < te - 1; k++) {
                if ((ft.flags(k) & TextNormalizer.F_SOFT_END) != 0) {
                    postEnd = k + 1;
                    break;
                }
            }
        }
        boolean accents = false;
        for (int k = preStart; k < postEnd; k++) {
            if (c[k] < 'a' || c[k] > 'z' || (ft.flags(k) & TextNormalizer.F_CODE) != 0) {
                return null;
            }
            accents |= (ft.flags(k) & TextNormalizer.F_ACCENT) != 0;
        }
        if (accents && s > preStart) {
            return null; // a word with diacritics is no English compound: Turkish "söyledi" is not "so" + term
        }
        // Cheap rejections first, without allocating: most hits inside words are in ordinary words.
        if (s - preStart == 1 && c[preStart] != 'a' && c[preStart] != 'i') {
            return null; // one letter before the term is no word: "classic", "passion"
        }
        boolean listed = ft.listed(preStart, postEnd);
        if (listed && (s > preStart || postEnd - end > 5 || phonetic || "sezid".indexOf(c[end]) < 0)) {
            return null; // a listed word: only a regular inflection (-s, -es, -ies, -ed, -ing) may still count
        }
        boolean stem = e.kind() == TermIndex.E_STEM || e.kind() == TermIndex.Y_STEM;
        if (stem && s > preStart) {
            return null;
        }
        String post = expand(ft, end, postEnd);
        int need = e.runs() == null ? 1 : e.runs()[e.runs().length - 1];
        boolean doubled = ft.run(end - 1) == need + 1 && !post.isEmpty() && "aeiouy".indexOf(post.charAt(0)) >= 0;
        if (stem) {
            boolean fits = e.kind() == TermIndex.E_STEM
                    ? E_STEM_SUFFIXES.contains(post) && ft.run(end - 1) == need
                    : Y_STEM_SUFFIXES.contains(post);
            if (!fits || (listed && !REGULAR.contains(post)) || nameVeto(ft, ts, te, false, false, false, false)) {
                return null;
            }
            return match(s, postEnd, "inflection", false);
        }
        if (s == preStart) {
            if (isSuffix(post, plain)) {
                if ((listed && !REGULAR.contains(post))
                        || nameVeto(ft, ts, te, phonetic, false, e.ambiguous(), isPlural(post))) {
                    return null;
                }
                return match(s, postEnd, "inflection", doubled);
            }
            if (listed || !segments(post, terms, e.ambiguous() ? 3 : 2)
                    || nameVeto(ft, ts, te, phonetic, true, e.ambiguous(), false)) {
                return null;
            }
            return match(s, end, "compound", false);
        }
        int min = e.ambiguous() ? 3 : 2;
        if (!segments(expand(ft, preStart, s), terms, min)) {
            return null;
        }
        if (post.isEmpty() || segments(post, terms, min)) {
            return nameVeto(ft, ts, te, phonetic, true, e.ambiguous(), false) ? null : match(s, end, "compound", false);
        }
        return isSuffix(post, plain) && !nameVeto(ft, ts, te, phonetic, true, e.ambiguous(), false)
                ? match(s, postEnd, "compound", doubled) : null;
    }

    /**
     * Capitalised words are names more often than evasions: a capitalised sound-alike never counts,
     * a capitalised compound only at a sentence start and not for a term that is also a word
     * ("Dickinson", "Hancock"), a capitalised inflection only at a sentence start or as a plural.
     */
    private static boolean nameVeto(FoldedText ft, int ts, int te, boolean phonetic, boolean compound,
                                    boolean ambiguous, boolean plural) {
        if (!isTitleCase(ft, ts, te)) {
            return false; // the whole word: "StopTheBullshit" is no name
        }
        if (phonetic) {
            return true;
        }
        boolean sentenceStart = atSentenceStart(ft.source, ft.start[ts]);
        return compound ? ambiguous || !sentenceStart : !sentenceStart && !plural;
    }

    private static TermIndex.Match match(int start, int end, String kind, boolean doubled) {
        TermIndex.Match m = new TermIndex.Match(start, end, kind);
        m.doubledEnd = doubled;
        return m;
    }

    /**
     * A term found only by collapsing doubled letters is dropped when the word as written is a
     * listed word ("shiitake") or a capitalised name inside a sentence ("Shiite").
     */
    static boolean innocentDoubling(FoldedText ft, int s) {
        char[] c = ft.chars;
        int ts = wordStart(ft, s);
        int te = wordEnd(ft, s);
        if (ts < 0 || te < 0) {
            return false;
        }
        for (int k = ts; k < te; k++) {
            if (c[k] < 'a' || c[k] > 'z') {
                return false;
            }
        }
        if (isWord(expand(ft, ts, te))) {
            return true;
        }
        return isTitleCase(ft, ts, te) && !atSentenceStart(ft.source, ft.start[ts]);
    }

    /**
     * True if a whole-word hit of a term that is also an innocent word ("dick") is written as part of a
     * name: capitalised, next to another capitalised word or an initial ("Dick Van Dyke", "Philip K.
     * Dick", "Moby-Dick"). "You are a Dick" still counts.
     */
    static boolean inName(FoldedText ft, int s, int end) {
        String src = ft.source;
        int from = ft.start[s];
        int to = ft.end[end - 1];
        if (!isTitleCase(ft, s, end)) {
            return false;
        }
        int i = from - 1;
        boolean hyphen = i >= 0 && src.charAt(i) == '-';
        while (i >= 0 && (src.charAt(i) == ' ' || src.charAt(i) == '-')) {
            i--;
        }
        if (i >= 0 && src.charAt(i) == '.' && i >= 1 && Character.isUpperCase(src.charAt(i - 1))
                && (i < 2 || !Character.isLetter(src.charAt(i - 2)))) {
            return true; // an initial: "Philip K. Dick"
        }
        int wordEnd = i + 1;
        while (i >= 0 && Character.isLetter(src.charAt(i))) {
            i--;
        }
        if (wordEnd > i + 1 && i + 1 < from && Character.isUpperCase(src.charAt(i + 1))
                && !(wordEnd - (i + 1) == 1 && src.charAt(i + 1) == 'I') && (hyphen || !atSentenceStart(src, i + 1))) {
            return true;
        }
        int j = to;
        while (j < src.length() && (src.charAt(j) == ' ' || src.charAt(j) == '-')) {
            j++;
        }
        return j > to && j < src.length() && Character.isUpperCase(src.charAt(j)) && src.charAt(j) != 'I'
                || j > to && j + 1 < src.length() && src.charAt(j) == 'I' && Character.isLetter(src.charAt(j + 1));
    }

    /** Phrases in which a term is innocent whatever the rule ("summa cum laude"), folded. */
    static final String[] INNOCENT_PHRASES = {"cum laude", "cum grano salis"};

    /** True if the hit's whole word is innocent in a language that the field reads as. */
    static boolean foreign(FoldedText ft, int s) {
        char[] c = ft.chars;
        int ts = wordStart(ft, s);
        int te = wordEnd(ft, s);
        return ts >= 0 && te >= 0 && te - ts <= 7 && isForeignWord(new String(c, ts, te - ts), c, ft.length);
    }

    /**
     * Longest folded word looked at for inflections, compounds and names. Longer runs of letters are
     * no words; the bound keeps the work per hit constant, so a 65,000-letter "word" full of terms
     * costs linear time.
     */
    static final int MAX_WORD = 64;

    /** Start of the folded word (between spaces) that holds position {@code k}, or -1 if it is longer than {@link #MAX_WORD}. */
    private static int wordStart(FoldedText ft, int k) {
        int limit = Math.max(0, k - MAX_WORD);
        while (k > 0 && ft.chars[k - 1] != ' ') {
            if (--k < limit) {
                return -1;
            }
        }
        return k;
    }

    /** End (exclusive) of the folded word that holds position {@code k}, or -1 if it is longer than {@link #MAX_WORD}. */
    private static int wordEnd(FoldedText ft, int k) {
        int limit = k + MAX_WORD;
        while (k < ft.length && ft.chars[k] != ' ') {
            if (++k > limit) {
                return -1;
            }
        }
        return k;
    }

    /** The folded chars [a, b) with their doubled letters, longer runs cut to two ("bulllshit" -> "bullshit"). */
    static String expand(FoldedText ft, int a, int b) {
        StringBuilder sb = new StringBuilder((b - a) + 4);
        for (int k = a; k < b; k++) {
            sb.append(ft.chars[k]);
            if (ft.run(k) > 1) {
                sb.append(ft.chars[k]);
            }
        }
        return sb.toString();
    }

    /** "Dickinson": the first letter upper case and every other letter lower case, in the text as submitted. */
    private static boolean isTitleCase(FoldedText ft, int a, int b) {
        String src = ft.source;
        int from = ft.start[a];
        int to = ft.end[b - 1];
        boolean first = true;
        for (int i = from; i < to; i++) {
            char ch = src.charAt(i);
            if (!Character.isLetter(ch)) {
                continue;
            }
            if (first ? !Character.isUpperCase(ch) : !Character.isLowerCase(ch)) {
                return false;
            }
            first = false;
        }
        return !first;
    }

    /** True at the start of the text or after a full stop, question or exclamation mark (and quotes). */
    private static boolean atSentenceStart(String src, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char ch = src.charAt(i);
            if (Character.isWhitespace(ch) || ch == '"' || ch == '\'' || ch == '(' || ch == '#' || ch == '@'
                    || ch == '\u201C' || ch == '\u2018') {
                continue;
            }
            return ch == '.' || ch == '!' || ch == '?' || ch == ':';
        }
        return true;
    }
}
