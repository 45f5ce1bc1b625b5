package com.newsroom.comments.moderation.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All TERMS rules compiled into one {@link TermAutomaton} over folded keys. A key may be
 * shared by several rules / original terms; each hit is then checked for word boundaries,
 * prefix mode, rule fields and minimum letter-run lengths.
 */
final class TermIndex {

    /** One configured term of one rule. {@code runs} = required run length per key char, null if all 1. */
    record Entry(int rule, String term, boolean prefix, byte[] runs) { }

    /** Input for {@link #build}: the terms of one rule. */
    record RuleTerms(int rule, List<String> terms, int fieldMask) { }

    private final TermAutomaton automaton;
    private final Entry[][] entries;
    private final int[] fieldMaskByRule;
    private final int fieldMask;

    private TermIndex(TermAutomaton automaton, Entry[][] entries, int[] fieldMaskByRule, int fieldMask) {
        this.automaton = automaton;
        this.entries = entries;
        this.fieldMaskByRule = fieldMaskByRule;
        this.fieldMask = fieldMask;
    }

    /** Union of the fields any TERMS rule inspects (bit = Field.ordinal()). */
    int fieldMask() {
        return fieldMask;
    }

    static TermIndex build(List<RuleTerms> rules, int ruleCount) {
        Map<String, Integer> keyIds = new HashMap<>();
        List<List<Entry>> byKey = new ArrayList<>();
        int[] masks = new int[ruleCount];
        int union = 0;
        FoldedText ft = new FoldedText();
        for (RuleTerms rt : rules) {
            masks[rt.rule()] = rt.fieldMask();
            union |= rt.fieldMask();
            for (String term : rt.terms()) {
                Folded f = foldTerm(term, ft);
                for (int v = 0; v < f.keys.length; v++) {
                    String key = f.keys[v];
                    Integer id = keyIds.get(key);
                    if (id == null) {
                        id = byKey.size();
                        keyIds.put(key, id);
                        byKey.add(new ArrayList<>(1));
                    }
                    List<Entry> list = byKey.get(id);
                    Entry e = new Entry(rt.rule(), term.strip(), f.prefix, f.runs[v]);
                    if (!containsEquivalent(list, e)) {
                        list.add(e);
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
        return new TermIndex(new TermAutomaton(keys), entries, masks, union);
    }

    private static boolean containsEquivalent(List<Entry> list, Entry e) {
        for (Entry x : list) {
            if (x.rule() == e.rule() && x.prefix() == e.prefix() && java.util.Arrays.equals(x.runs(), e.runs())) {
                return true;
            }
        }
        return false;
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
                        java.util.Arrays.fill(runs, (byte) 1);
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
        ft.fold(value, email, false);
        Scan scan = new Scan(ft, field, out);
        automaton.scan(ft.chars, ft.length, scan);
        if (ft.ambiguous) {
            ft.fold(value, email, true); // second reading of leet '1' as 'l'
            automaton.scan(ft.chars, ft.length, scan);
        }
    }

    private final class Scan implements TermAutomaton.HitSink {
        private final FoldedText ft;
        private final Field field;
        private final int fieldBit;
        private final ReasonCollector out;

        Scan(FoldedText ft, Field field, ReasonCollector out) {
            this.ft = ft;
            this.field = field;
            this.fieldBit = 1 << field.ordinal();
            this.out = out;
        }

        @Override
        public void hit(int key, int endF) {
            int len = automaton.keyLength(key);
            int startF = endF - len;
            char[] c = ft.chars;
            if (startF > 0 && c[startF - 1] != ' ') {
                return; // not at a word start: "ass" in "classic"
            }
            boolean endOk = endF == ft.length || c[endF] == ' ';
            for (Entry e : entries[key]) {
                if (!e.prefix() && !endOk) {
                    continue; // not at a word end: "ass" in "assassin"
                }
                if ((fieldMaskByRule[e.rule()] & fieldBit) == 0 || out.isFull(e.rule())) {
                    continue;
                }
                int flags = 0;
                boolean ok = true;
                for (int j = 0; j < len; j++) {
                    int need = e.runs() == null ? 1 : e.runs()[j];
                    int have = ft.run(startF + j);
                    if (have < need) {
                        ok = false; // "as" must not match the term "ass" (folded to "as")
                        break;
                    }
                    if (have > need && !(e.prefix() && j == len - 1)) {
                        flags |= TextNormalizer.F_STRETCHED;
                    }
                    flags |= ft.flags(startF + j);
                }
                if (!ok) {
                    continue;
                }
                int wordEnd = endF;
                if (e.prefix()) {
                    while (wordEnd < ft.length && c[wordEnd] != ' ') {
                        wordEnd++; // report the whole word: "spammer", not "spamm"
                    }
                }
                int os = ft.start[startF];
                int oe = ft.end[wordEnd - 1];
                String evasion = TextNormalizer.describe(flags);
                String detail = evasion.isEmpty()
                        ? "term '" + e.term() + "'"
                        : "term '" + e.term() + "' (evasion: " + evasion + ")";
                out.add(e.rule(), field, ft.source, os, oe, null, detail);
            }
        }
    }
}
