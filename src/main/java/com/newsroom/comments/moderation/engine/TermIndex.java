package com.newsroom.comments.moderation.engine;

import static com.newsroom.comments.moderation.engine.TextNormalizer.F_CODE;
import static com.newsroom.comments.moderation.engine.TextNormalizer.F_SOFT_END;
import static com.newsroom.comments.moderation.engine.TextNormalizer.F_SOFT_START;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All TERMS rules compiled into one {@link TermAutomaton} over folded keys. A key may be
 * shared by several rules / original terms; each hit is then checked for word boundaries,
 * prefix mode, rule fields and minimum letter-run lengths.
 *
 * <p>With inflections on (the default), a rule's terms also match their English inflections and
 * the compounds and run-together words they start, end or sit inside, as {@link Morphology}
 * decides; its terms' phonetic spellings are extra keys. Exceptions drop hits inside allowed
 * phrases; masked forms ("f**k") are found on the text as submitted by {@link MaskedTerms}.
 */
final class TermIndex {

    static final byte EXACT = 0;
    static final byte PHONETIC = 1;
    /** Key of a term without its final 'e' ("rap" for "rape"): only matches with {@link Morphology#E_STEM_SUFFIXES}. */
    static final byte E_STEM = 2;
    /** Key of a term without its final 'y' ("puss" for "pussy"): only with {@link Morphology#Y_STEM_SUFFIXES}. */
    static final byte Y_STEM = 3;
    /** The {@link #keyMeta} bits of the stem kinds. */
    static final int STEM_KINDS = 1 << E_STEM | 1 << Y_STEM;

    /** Rules with more terms than this get no generated phonetic keys: large imports spell their forms out. */
    static final int MAX_TERMS_FOR_VARIANTS = 2_000;
    static final int MAX_EXCEPTIONS = 1_000;
    /** Tokens at least this long are also searched inside for compounds and run-together words. */
    private static final int MIN_INNER_TOKEN = 5;

    /**
     * One configured term of one rule. {@code runs} = required run length per key char, null if all
     * 1; {@code plain} = the term as lower-case a-z letters (null if it has anything else).
     */
    record Entry(int rule, String term, boolean prefix, byte[] runs, byte kind, String plain, boolean ambiguous) { }

    /** Input for {@link #build}: the terms of one rule and its options. */
    record RuleTerms(int rule, List<String> terms, int fieldMask, boolean inflections, boolean masked,
                     List<String> exceptions) {
        RuleTerms(int rule, List<String> terms, int fieldMask) {
            this(rule, terms, fieldMask, false, false, List.of());
        }
    }

    private final TermAutomaton automaton;
    private final Entry[][] entries;
    /**
     * Per key: its length (bits 8 and up) and a bit per {@link Entry#kind} of its entries (bits 0-3),
     * so a hit is measured and most stem hits rejected from one int, before the entries are read
     * (with 100,000 terms each of those reads is a cache miss).
     */
    private final int[] keyMeta;
    private final int[] fieldMaskByRule;
    private final int fieldMask;
    private final boolean[] inflections;
    private final boolean anyInflections;
    private final String[][] exceptions;
    private final Set<String> plainTerms;
    private final MaskedTerms masked;
    /** True if some term is written in a script without spaces: only then are such runs segmented. */
    private final boolean spacelessKeys;

    private TermIndex(TermAutomaton automaton, Entry[][] entries, int[] fieldMaskByRule, int fieldMask,
                      boolean[] inflections, String[][] exceptions, Set<String> plainTerms, MaskedTerms masked) {
        this.automaton = automaton;
        this.entries = entries;
        this.keyMeta = new int[entries.length];
        for (int k = 0; k < entries.length; k++) {
            int kinds = 0;
            for (Entry e : entries[k]) {
                kinds |= 1 << e.kind();
            }
            keyMeta[k] = automaton.keyLength(k) << 8 | kinds;
        }
        this.fieldMaskByRule = fieldMaskByRule;
        this.fieldMask = fieldMask;
        this.inflections = inflections;
        boolean any = false;
        for (boolean b : inflections) {
            any |= b;
        }
        this.anyInflections = any;
        this.exceptions = exceptions;
        this.plainTerms = plainTerms;
        this.masked = masked;
        boolean sl = false;
        for (Entry[] es : entries) {
            for (Entry e : es) {
                sl |= e.term().codePoints().anyMatch(TextNormalizer::isSpaceless);
            }
        }
        this.spacelessKeys = sl;
    }

    /** Union of the fields any TERMS rule inspects (bit = Field.ordinal()). */
    int fieldMask() {
        return fieldMask;
    }

    static TermIndex build(List<RuleTerms> rules, int ruleCount) {
        Map<String, Integer> keyIds = new HashMap<>();
        List<List<Entry>> byKey = new ArrayList<>();
        int[] masks = new int[ruleCount];
        boolean[] inflect = new boolean[ruleCount];
        String[][] except = new String[ruleCount][];
        Set<String> plain = new HashSet<>();
        List<MaskedTerms.Term> maskedTerms = new ArrayList<>();
        int union = 0;
        FoldedText ft = new FoldedText();
        for (RuleTerms rt : rules) {
            masks[rt.rule()] = rt.fieldMask();
            inflect[rt.rule()] = rt.inflections();
            union |= rt.fieldMask();
            except[rt.rule()] = foldExceptions(rt.exceptions(), ft);
            boolean variants = rt.inflections() && rt.terms().size() <= MAX_TERMS_FOR_VARIANTS;
            for (String term : rt.terms()) {
                Folded f = foldTerm(term, ft);
                String p = plain(f);
                boolean ambiguous = rt.inflections() && p != null && Morphology.isAmbiguous(p);
                if (p != null) {
                    plain.add(p);
                    if (rt.masked() && !f.prefix) {
                        maskedTerms.add(new MaskedTerms.Term(rt.rule(), term.strip(), p));
                    }
                }
                for (int v = 0; v < f.keys.length; v++) {
                    add(keyIds, byKey, f.keys[v], new Entry(rt.rule(), term.strip(), f.prefix, f.runs[v], EXACT, p,
                            ambiguous));
                }
                if (f.keys[0].indexOf('ß') >= 0) {
                    // German terms also match the spelling with "ss" (the reverse is not done: "aß" is not "ass")
                    Folded ss = foldTerm(term.strip().replace("ß", "ss").replace("ẞ", "SS"), ft);
                    add(keyIds, byKey, ss.keys[0], new Entry(rt.rule(), term.strip(), f.prefix, ss.runs[0], EXACT,
                            null, false));
                }
                if (!rt.inflections() || p == null || f.prefix) {
                    continue;
                }
                if (p.length() >= 4 && (p.endsWith("e") || p.endsWith("y"))) {
                    Folded stem = foldTerm(p.substring(0, p.length() - 1), ft);
                    add(keyIds, byKey, stem.keys[0], new Entry(rt.rule(), term.strip(), false, stem.runs[0],
                            p.endsWith("e") ? E_STEM : Y_STEM, p, ambiguous));
                }
                if (variants) {
                    for (String variant : Morphology.phonetic(p)) {
                        Folded pv = foldTerm(variant, ft);
                        add(keyIds, byKey, pv.keys[0], new Entry(rt.rule(), term.strip(), false, pv.runs[0], PHONETIC,
                                variant, false));
                    }
                }
            }
        }
        String[] keys = new String[byKey.size()];
        Entry[][] entries = new Entry[byKey.size()][];
        for (Map.Entry<String, Integer> me : keyIds.entrySet()) {
            keys[me.getValue()] = me.getKey();
            entries[me.getValue()] = byKey.get(me.getValue()).toArray(new Entry[0]);
        }
        MaskedTerms m = maskedTerms.isEmpty() ? null : new MaskedTerms(maskedTerms);
        return new TermIndex(new TermAutomaton(keys), entries, masks, union, inflect, except, plain, m);
    }

    private static void add(Map<String, Integer> keyIds, List<List<Entry>> byKey, String key, Entry e) {
        Integer id = keyIds.get(key);
        if (id == null) {
            id = byKey.size();
            keyIds.put(key, id);
            byKey.add(new ArrayList<>(1));
        }
        List<Entry> list = byKey.get(id);
        if (!containsEquivalent(list, e)) {
            list.add(e);
        }
    }

    private static boolean containsEquivalent(List<Entry> list, Entry e) {
        for (Entry x : list) {
            if (x.rule() == e.rule() && x.prefix() == e.prefix() && Arrays.equals(x.runs(), e.runs())
                    && (x.kind() == e.kind() || x.kind() == EXACT)) {
                return true;
            }
        }
        return false;
    }

    private static String[] foldExceptions(List<String> phrases, FoldedText ft) {
        if (phrases == null || phrases.isEmpty()) {
            return null;
        }
        if (phrases.size() > MAX_EXCEPTIONS) {
            throw new InvalidRuleException("exceptions", "a rule may have at most " + MAX_EXCEPTIONS + " exceptions");
        }
        List<String> out = new ArrayList<>();
        for (String p : phrases) {
            if (p == null || p.isBlank()) {
                throw new InvalidRuleException("exceptions", "exceptions must not be empty");
            }
            ft.fold(p.strip(), false, false);
            if (ft.length == 0) {
                throw new InvalidRuleException("exceptions", "exception '" + p + "' has no letters or digits");
            }
            out.add(ft.foldedString());
        }
        return out.toArray(new String[0]);
    }

    /** The term as lower-case letters with its doubled letters ("ass" for key "as" with runs 1, 2), or null. */
    private static String plain(Folded f) {
        String k = f.keys[0];
        byte[] runs = f.runs[0];
        StringBuilder sb = new StringBuilder(k.length() + 2);
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c < 'a' || c > 'z') {
                return null;
            }
            int r = runs == null ? 1 : Math.min(runs[i], 2);
            for (int x = 0; x < r; x++) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Folded key(s) of a term: two when it contains a leet '1' (i and l readings). */
    static final class Folded {
        String[] keys;
        byte[][] runs;
        boolean prefix;
    }

    static Folded foldTerm(String term, FoldedText ft) {
        if (term == null || term.isBlank()) {
            throw new InvalidRuleException("terms", "terms must not be empty");
        }
        String t = term.strip();
        boolean prefix = false;
        while (t.endsWith("*")) {
            prefix = true;
            t = t.substring(0, t.length() - 1).strip();
        }
        ft.fold(t, false, false);
        boolean ambiguous = ft.ambiguous;
        Folded f = new Folded();
        f.prefix = prefix;
        int variants = ambiguous ? 2 : 1;
        f.keys = new String[variants];
        f.runs = new byte[variants][];
        for (int v = 0; v < variants; v++) {
            if (v == 1) {
                ft.fold(t, false, true);
            }
            if (ft.length == 0) {
                throw new InvalidRuleException("terms", "term '" + term + "' has no letters or digits");
            }
            f.keys[v] = ft.foldedString();
            byte[] runs = null;
            for (int i = 0; i < ft.length; i++) {
                if (ft.run(i) > 1) {
                    if (runs == null) {
                        runs = new byte[ft.length];
                        Arrays.fill(runs, (byte) 1);
                    }
                    runs[i] = (byte) Math.min(ft.run(i), 127);
                }
            }
            f.runs[v] = runs;
        }
        return f;
    }

    int keyCount() {
        return entries.length;
    }

    int stateCount() {
        return automaton.stateCount();
    }

    /** Scans one folded field value (both leet readings when needed) and adds reasons. */
    void scan(FoldedText ft, String value, Field field, ReasonCollector out) {
        boolean email = field == Field.EMAIL;
        ft.foldMarked(value, email, false);
        Scan scan = new Scan(ft, field, out);
        scanFolded(ft, scan);
        if (ft.ambiguous) {
            ft.foldMarked(value, email, true); // second reading of leet '1' as 'l'
            scanFolded(ft, scan);
        }
        if (masked != null) {
            masked.scan(value, field, fieldMaskByRule, inflections, out);
        }
    }

    private void scanFolded(FoldedText ft, Scan scan) {
        if (ft.spaceless && spacelessKeys) {
            if (ft.segmenter == null) {
                ft.segmenter = new Spaceless();
            }
            ft.segmenter.segment(ft, automaton);
        }
        char[] c = ft.chars;
        int n = ft.length;
        automaton.scan(c, n, scan);
        if (ft.softStarts == 0 && !anyInflections) {
            return;
        }
        // Walks from inside words: soft word starts, and every position of long words for compounds.
        boolean soft = ft.softStarts > 0;
        int i = 0;
        while (i < n) {
            int a = i;
            while (i < n && c[i] != ' ') {
                i++;
            }
            // Only words of a-z letters can be compounds, and a listed word holds none ("classic").
            boolean inner = anyInflections && i - a >= MIN_INNER_TOKEN && i - a <= Morphology.MAX_WORD
                    && WordList.english().lookupFolded(c, ft.meta, a, i) == WordList.UNLISTED;
            if (inner || soft) {
                for (int p = a + 1; p < i; p++) {
                    if ((soft && (ft.flags(p) & F_SOFT_START) != 0)
                            || (inner && p <= i - 2 && automaton.mayStartAt(c, n, p))) {
                        automaton.walk(c, n, p, scan);
                    }
                }
            }
            i++;
        }
    }

    private final class Scan implements TermAutomaton.HitSink {
        private final FoldedText ft;
        private final Field field;
        private final int fieldBit;
        private final ReasonCollector out;

        /** 0 = not yet known, 1 = the field reads as English (or unknown), 2 = as another language. */
        private int language;

        /** Decided once per field, on its first inflection or compound hit. */
        private boolean otherLanguage() {
            if (language == 0) {
                language = Morphology.readsAsOtherLanguage(ft.chars, ft.length) ? 2 : 1;
            }
            return language == 2;
        }

        Scan(FoldedText ft, Field field, ReasonCollector out) {
            this.ft = ft;
            this.field = field;
            this.fieldBit = 1 << field.ordinal();
            this.out = out;
        }

        @Override
        public void hit(int key, int endF) {
            int meta = keyMeta[key];
            int len = meta >>> 8;
            int startF = endF - len;
            char[] c = ft.chars;
            boolean hardStart = startF == 0 || c[startF - 1] == ' ';
            boolean startOk = hardStart || (ft.flags(startF) & F_SOFT_START) != 0;
            boolean hardEnd = endF == ft.length || c[endF] == ' ';
            boolean endOk = hardEnd || (ft.flags(endF - 1) & F_SOFT_END) != 0;
            if (!startOk && !anyInflections) {
                return; // not at a word start: "ass" in "classic"
            }
            if ((meta & ~STEM_KINDS & 0xFF) == 0 && !Morphology.stemMayFit(meta, c, endF, startOk, endOk)) {
                return; // only stems, without one of their endings here: Morphology.classify would say no
            }
            for (Entry e : entries[key]) {
                if ((fieldMaskByRule[e.rule()] & fieldBit) == 0 || out.isFull(e.rule())) {
                    continue;
                }
                boolean morph = inflections[e.rule()];
                boolean whole = startOk && (endOk || e.prefix()) && e.kind() <= PHONETIC;
                if (!whole && !morph) {
                    continue; // not at a word end: "ass" in "assassin"
                }
                Match m = whole ? new Match(startF, endF, e.kind() == PHONETIC ? "phonetic" : null)
                        : Morphology.classify(ft, e, startF, endF, startOk, endOk, plainTerms);
                if (m == null) {
                    continue;
                }
                int flags = 0;
                boolean ok = true;
                boolean doubledOnly = true;
                for (int j = 0; j < len; j++) {
                    int need = e.runs() == null ? 1 : e.runs()[j];
                    int have = ft.run(startF + j);
                    if (have < need) {
                        ok = false; // "as" must not match the term "ass" (folded to "as")
                        break;
                    }
                    boolean last = j == len - 1;
                    if (have > need && !(e.prefix() && last) && !(last && m.doubledEnd)) {
                        flags |= TextNormalizer.F_STRETCHED;
                        doubledOnly &= have == need + 1;
                    }
                    flags |= ft.flags(startF + j);
                }
                if (!ok) {
                    continue;
                }
                for (int j = m.start; j < m.end; j++) {
                    if (j < startF || j >= endF) {
                        flags |= ft.flags(j); // the ending's evasions too: "fuck3rs"
                    }
                }
                if ((flags & F_CODE) != 0 && !(hardStart && hardEnd)) {
                    continue; // part-number-like token: only the whole token may read as a term
                }
                if (e.kind() == PHONETIC && ((flags & TextNormalizer.F_ACCENT) != 0
                        || Character.isUpperCase(ft.source.codePointAt(ft.start[startF])) && !isUpperWord(startF))) {
                    continue; // a sound-alike only in its own letters and not as a name: "çok", "Kuntz"
                }
                if (whole && e.ambiguous() && field == Field.TEXT && Morphology.inName(ft, startF, endF)) {
                    continue; // "Dick Van Dyke", "Philip K. Dick" (in the text; the name field is all names)
                }
                int wordEnd = m.end;
                if (e.prefix() && whole) {
                    while (wordEnd < ft.length && c[wordEnd] != ' ') {
                        wordEnd++; // report the whole word: "spammer", not "spamm"
                    }
                }
                if ((flags & TextNormalizer.F_STRETCHED) != 0 && doubledOnly && Morphology.innocentDoubling(ft, startF)) {
                    continue; // "shiitake", "Shiite": a real word or name, not a stretched term
                }
                if (excepted(exceptions[e.rule()], startF, endF)
                        || (morph && excepted(Morphology.INNOCENT_PHRASES, startF, endF))
                        || Morphology.foreign(ft, startF) || (!whole && otherLanguage())) {
                    continue;
                }
                int os = ft.start[m.start];
                int oe = ft.end[wordEnd - 1];
                out.add(e.rule(), field, ft.source, os, oe, null, detail(e.term(), m.kind, flags));
            }
        }

        /** True if the word is written all in capitals ("PHUCK"), so a capital first letter is not a name. */
        private boolean isUpperWord(int startF) {
            String src = ft.source;
            int i = ft.start[startF];
            int letters = 0;
            while (i < src.length() && Character.isLetter(src.charAt(i))) {
                if (!Character.isUpperCase(src.charAt(i))) {
                    return false;
                }
                letters++;
                i++;
            }
            return letters > 1;
        }

        private boolean excepted(String[] ex, int startF, int endF) {
            if (ex == null) {
                return false;
            }
            char[] c = ft.chars;
            for (String x : ex) {
                int xl = x.length();
                for (int p = Math.max(0, endF - xl); p <= startF && p + xl <= ft.length; p++) {
                    boolean eq = true;
                    for (int k = 0; k < xl && eq; k++) {
                        eq = c[p + k] == x.charAt(k);
                    }
                    if (eq) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    static String detail(String term, String kind, int flags) {
        String evasion = TextNormalizer.describe(flags & ~(F_CODE | F_SOFT_START | F_SOFT_END));
        StringBuilder sb = new StringBuilder(32).append("term '").append(term).append('\'');
        if (kind != null || !evasion.isEmpty()) {
            sb.append(" (");
            if (kind != null) {
                sb.append(kind);
            }
            if (!evasion.isEmpty()) {
                sb.append(kind != null ? "; " : "").append("evasion: ").append(evasion);
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** A hit accepted as a match: folded [start, end) to report and the kind for the detail. */
    static final class Match {
        final int start;
        final int end;
        final String kind;
        /** The term's last letter is doubled before a suffix ("shitty"): not a stretched letter. */
        boolean doubledEnd;

        Match(int start, int end, String kind) {
            this.start = start;
            this.end = end;
            this.kind = kind;
        }
    }
}
