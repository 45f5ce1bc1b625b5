package com.newsroom.comments.moderation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TermsRuleTest {

    private static final CompiledRules RULES = CompiledRules.compile(List.of(
            R.terms(1, RuleAction.HOLD, "fuck", "ass", "cunt", "rapist", "kill", "idiot", "scam", "lol", "loser",
                    "spam*", "buy now", "asshole", "good")));

    private static List<Reason> hits(String text) {
        return RULES.evaluate(R.text(text)).reasons();
    }

    /** Asserts exactly one TEXT reason whose original span is {@code expected}. */
    private static Reason single(String text, String expected) {
        List<Reason> reasons = hits(text);
        assertEquals(1, reasons.size(), () -> "reasons for '" + text + "': " + reasons);
        Reason r = reasons.get(0);
        assertEquals(Field.TEXT, r.field());
        assertEquals(expected, r.match());
        assertEquals(text.indexOf(expected), r.start());
        assertEquals(text.indexOf(expected) + expected.length(), r.end());
        assertEquals(expected, text.substring(r.start(), r.end()));
        return r;
    }

    @Test
    void plainWordMatchWithOffsets() {
        Reason r = single("You are a fuck head", "fuck");
        assertEquals(10, r.start());
        assertEquals(14, r.end());
        assertEquals(1L, r.ruleId());
        assertEquals(RuleType.TERMS, r.type());
        assertEquals(RuleAction.HOLD, r.action());
        assertEquals("term 'fuck'", r.detail());
        assertEquals(Decision.PENDING, RULES.evaluate(R.text("You are a fuck head")).decision());
    }

    @Test
    void caseInsensitive() {
        single("FUCK this", "FUCK");
        single("Total IdIoT.", "IdIoT");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Cyrillic а, е, о, с
        "what a sсаm this is|sсаm",
        "you lоsеr|lоsеr",
        "an idiоt indeed|idiоt",
        // Greek omicron and iota
        "such an idiοt|idiοt",
        "ιdiot|ιdiot",
        // fullwidth and accents
        "ｆｕｃｋ you|ｆｕｃｋ",
        "what the fück|fück",
        "ìdíòt!|ìdíòt",
        // leet incl. @ and $
        "you 1d10t|1d10t",
        "sc@m alert|sc@m",
        "$cam alert|$cam",
        "a$$hole|a$$hole",
        "k1ll them|k1ll",
        "1ol|1ol",
        "l0ser|l0ser",
        // separators between single letters
        "f.u.c.k off|f.u.c.k",
        "f u c k off|f u c k",
        "f-u-c-k off|f-u-c-k",
        "f_u_c_k off|f_u_c_k",
        "f*u*c*k off|f*u*c*k",
        "what the f . u . c . k|f . u . c . k",
        // stretched letters
        "fuuuuck|fuuuuck",
        "fuckkkk you|fuckkkk",
        "so goooood|goooood",
        "aaassss|aaassss",
    })
    void evasionsMatchOriginalSpan(String text, String expected) {
        single(text, expected);
    }

    @Test
    void invisibleCharactersAreSkippedAndSpanCoversThem() {
        String t = "f\u200Bu\u200Bck";
        Reason r = single(t, t);
        assertEquals(0, r.start());
        assertEquals(6, r.end());
        assertTrue(r.detail().contains("invisible"), r.detail());
        single("x fu\u00ADck y", "fu\u00ADck");         // soft hyphen
        single("x fu\u200Cc\u200Dk y", "fu\u200Cc\u200Dk"); // ZWNJ, ZWJ
        single("x f\u2060uck\uFEFF y", "f\u2060uck");   // word joiner; trailing BOM is not part of the word
        single("x \uFEFFkill y", "kill");               // leading BOM is skipped
    }

    @Test
    void evasionDetailNamesTheTechnique() {
        assertTrue(single("f.u.c.k", "f.u.c.k").detail().contains("separators"));
        assertEquals("term 'fuck' (evasion: separators)", single("f.u.c.k", "f.u.c.k").detail());
        assertTrue(single("fuuuck", "fuuuck").detail().contains("stretched"));
        assertTrue(single("sсаm", "sсаm").detail().contains("confusables"));
        assertTrue(single("k1ll", "k1ll").detail().contains("leetspeak"));
        assertTrue(single("fück", "fück").detail().contains("diacritics"));
        assertTrue(single("ｆｕｃｋ", "ｆｕｃｋ").detail().contains("compatibility"));
    }

    @Test
    void decomposedAccentsAndCombiningMarks() {
        single("fu\u0308ck", "fu\u0308ck");
        single("x fuck\u0301 y", "fuck\u0301");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a classic mistake", "the assassin", "Massachusetts", "bass guitar", "as soon as possible",
        "Scunthorpe United", "my therapist said", "Hamdi Fırat Büyük", "Recep Tayyip Erdoğan",
        "if u c k is not a word", "antispam measures", "killer whale", "skill", "God bless", "2024 had 1337 days",
        "meet at 5pm or 10am on the 3rd", "idiotic", "scampi", "buynow", "buy nowhere", "lolly", "closer",
        "call me at 555-1234", "email@example.org", "Ιστανμπούλ"
    })
    void ordinaryTextDoesNotMatch(String text) {
        assertEquals(List.of(), hits(text), text);
        assertEquals(Decision.APPROVED, RULES.evaluate(R.text(text)).decision());
    }

    @Test
    void prefixTerms() {
        single("what a spammer", "spammer");
        single("stop spamming", "spamming");
        single("spam!", "spam");
        single("SPAMMMMER", "SPAMMMMER");
        assertEquals(List.of(), hits("antispam"));
    }

    @Test
    void multiWordTerms() {
        single("BUY   NOW!", "BUY   NOW");
        single("buy...now", "buy...now");
        single("please buy\nnow", "buy\nnow");
        single("buy n o w", "buy n o w");
    }

    @Test
    void turkishDefaultLocaleDoesNotBreakCaseFolding() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("tr", "TR"));
            CompiledRules rules = CompiledRules.compile(List.of(
                    R.terms(5, RuleAction.SPAM, "kill", "istanbul", "TIRE")));
            assertEquals("KILL", only(rules, "I will KILL you").match());
            assertEquals("kill", only(rules, "I will kill you").match());
            assertEquals("İSTANBUL", only(rules, "İSTANBUL").match());
            assertEquals("ISTANBUL", only(rules, "ISTANBUL").match());
            assertEquals("ıstanbul", only(rules, "ıstanbul").match());
            assertEquals("tire", only(rules, "a tire").match());
            assertEquals("TİRE", only(rules, "TİRE").match());
            assertEquals(List.of(), rules.evaluate(R.text("Hamdi Fırat Büyük")).reasons());
        } finally {
            Locale.setDefault(saved);
        }
    }

    private static Reason only(CompiledRules rules, String text) {
        List<Reason> rs = rules.evaluate(R.text(text)).reasons();
        assertEquals(1, rs.size(), () -> text + " -> " + rs);
        return rs.get(0);
    }

    @Test
    void nonLatinTermsWork() {
        CompiledRules rules = CompiledRules.compile(List.of(R.terms(9, RuleAction.HOLD, "сука", "Erdoğan")));
        assertEquals("СУКА", only(rules, "ты СУКА").match());
        assertEquals("cyka", only(rules, "cyka").match()); // confusables fold both ways
        assertEquals("Erdogan", only(rules, "Erdogan").match());
    }

    @Test
    void spamBeatsHoldAcrossRules() {
        CompiledRules rules = CompiledRules.compile(List.of(
                R.terms(1, RuleAction.HOLD, "idiot"),
                R.terms(2, RuleAction.SPAM, "casino")));
        Verdict both = rules.evaluate(R.text("idiot, visit my casino"));
        assertEquals(Decision.SPAM, both.decision());
        assertEquals(2, both.reasons().size());
        assertEquals(1L, both.reasons().get(0).ruleId());
        assertEquals(2L, both.reasons().get(1).ruleId());
        assertEquals(Decision.PENDING, rules.evaluate(R.text("idiot")).decision());
        assertEquals(Decision.APPROVED, rules.evaluate(R.text("lovely article")).decision());
    }

    @Test
    void sameTermInTwoRulesReportsBoth() {
        CompiledRules rules = CompiledRules.compile(List.of(
                R.terms(1, RuleAction.HOLD, "idiot"),
                R.terms(2, RuleAction.SPAM, "IDIOT", "id1ot")));
        Verdict v = rules.evaluate(R.text("idiot"));
        assertEquals(2, v.reasons().size());
        assertEquals(Decision.SPAM, v.decision());
    }

    @Test
    void defaultFieldsAndExplicitFields() {
        Submission s = new Submission("Idiot King", "hello", "idiot@example.org", "https://idiot.example/x", "idiot");
        List<Reason> rs = RULES.evaluate(s).reasons();
        assertEquals(List.of(Field.NAME, Field.EMAIL, Field.WEBSITE),
                rs.stream().map(Reason::field).toList());
        assertEquals("Idiot", rs.get(0).match());
        assertEquals(0, rs.get(0).start());
        assertEquals("idiot", rs.get(2).match());
        assertEquals(8, rs.get(2).start());

        CompiledRules textOnly = CompiledRules.compile(List.of(R.terms(3, RuleAction.HOLD, List.of(Field.TEXT), "idiot")));
        assertEquals(List.of(), textOnly.evaluate(s).reasons());
        assertEquals(1, textOnly.evaluate(new Submission("Idiot", "idiot", null, null, null)).reasons().size());
    }

    @Test
    void repeatedHitsAreReportedOncePerPositionAndCapped() {
        assertEquals(3, hits("fuck fuck fuck").size());
        String many = "idiot ".repeat(100);
        assertEquals(ReasonCollector.MAX_PER_RULE, hits(many).size());
        // "k1ll" is folded twice (1 as i and as l) but reported once
        assertEquals(1, hits("k1ll").size());
    }

    @Test
    void hundredThousandRandomTermsCompileAndMatch() {
        Random rnd = new Random(42);
        Set<String> terms = new HashSet<>();
        while (terms.size() < 100_000) {
            terms.add(word(rnd));
        }
        List<String> list = new ArrayList<>(terms);
        list.add("zyxwvut");
        CompiledRules rules = CompiledRules.compile(List.of(new RuleDefinition(1, RuleType.TERMS, RuleAction.SPAM,
                R.cfg().terms(list).build())));
        assertEquals(1, rules.ruleCount());
        Verdict v = rules.evaluate(R.text("a harmless sentence with zyxwvut inside"));
        assertTrue(v.reasons().stream().anyMatch(r -> r.match().equals("zyxwvut")), v::toString);
        String someTerm = list.get(12345);
        Verdict v2 = rules.evaluate(R.text("before " + someTerm.toUpperCase(Locale.ROOT) + " after"));
        assertTrue(v2.reasons().stream().anyMatch(r -> r.match().equalsIgnoreCase(someTerm)), v2::toString);
        assertEquals(Decision.SPAM, v2.decision());
    }

    private static String word(Random rnd) {
        String cons = "bcdfghjklmnprstvwz";
        String vow = "aeiou";
        int len = 4 + rnd.nextInt(7);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(i % 2 == 0 ? cons.charAt(rnd.nextInt(cons.length())) : vow.charAt(rnd.nextInt(vow.length())));
        }
        return sb.toString();
    }

    @Test
    void concurrentEvaluationIsConsistent() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                try {
                    for (int i = 0; i < 2000; i++) {
                        assertEquals("f.u.c.k", hits("well f.u.c.k that").get(0).match());
                        assertEquals(List.of(), hits("a classic assassin from Massachusetts"));
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(List.of(), errors);
    }
}
