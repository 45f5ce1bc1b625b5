package com.newsroom.comments.moderation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShoutingRuleTest {

    private static final CompiledRules DEFAULTS = CompiledRules.compile(List.of(
            R.cfg().rule(4, RuleType.SHOUTING, RuleAction.HOLD)));

    private static Verdict eval(String text) {
        return DEFAULTS.evaluate(R.text(text));
    }

    @Test
    void upperCaseAscii() {
        String text = "THIS ARTICLE IS COMPLETE NONSENSE, READ IT!";
        Verdict v = eval(text);
        assertEquals(Decision.PENDING, v.decision());
        Reason r = v.reasons().get(0);
        assertEquals(0, r.start());
        assertEquals(text.length(), r.end());
        assertEquals("100% upper case (limit 70%)", r.detail());
        assertEquals(Decision.APPROVED, eval("This article is complete nonsense, READ IT!").decision());
        assertEquals(Decision.APPROVED, eval("NASA AND THE EU").decision()); // fewer than 20 letters
    }

    @Test
    void upperCaseTurkishAndCyrillic() {
        assertEquals(Decision.PENDING, eval("BU YORUM ÇOK ÖNEMLİ, HERKES OKUSUN ŞİMDİ!").decision());
        assertEquals(Decision.PENDING, eval("ЭТО ОЧЕНЬ ВАЖНОЕ СООБЩЕНИЕ ДЛЯ ВСЕХ ЧИТАТЕЛЕЙ").decision());
        assertEquals(Decision.APPROVED, eval("Это очень важное сообщение для всех читателей").decision());
        assertEquals(Decision.APPROVED, eval("Bu yorum çok önemli, herkes okusun şimdi İstanbul").decision());
    }

    @Test
    void repeatedCharacters() {
        String text = "Wow!!!!!!!!!!!! so good";
        Verdict v = eval(text);
        assertEquals(1, v.reasons().size());
        Reason r = v.reasons().get(0);
        assertEquals("!!!!!!!!!!!!", r.match());
        assertEquals(3, r.start());
        assertEquals(15, r.end());
        assertEquals("'!' repeated 12 times (limit 10)", r.detail());
        assertEquals(Decision.PENDING, eval("noooooooooooooooo").decision());
        assertEquals(Decision.APPROVED, eval("!!!!!!!!!! ten is fine").decision());
        assertEquals(Decision.APPROVED, eval("indented            text").decision()); // whitespace runs ignored
        assertEquals(Decision.PENDING, eval("😀😀😀😀😀😀😀😀😀😀😀").decision()); // counted per code point
    }

    @Test
    void linksOnlyText() {
        Verdict v = eval("  https://spam.example/x  www.b.com !! ");
        assertEquals(Decision.PENDING, v.decision());
        assertEquals("text is only links", v.reasons().get(0).detail());
        assertEquals(Decision.APPROVED, eval("read https://news.example/x").decision());
        CompiledRules off = CompiledRules.compile(List.of(R.cfg().linksOnly(false).rule(4, RuleType.SHOUTING, RuleAction.HOLD)));
        assertEquals(Decision.APPROVED, off.evaluate(R.text("https://spam.example/x")).decision());
    }

    @Test
    void customLimits() {
        CompiledRules strict = CompiledRules.compile(List.of(R.cfg().minLength(5).ratio(0.5).maxRepeated(3)
                .rule(4, RuleType.SHOUTING, RuleAction.SPAM)));
        assertEquals(Decision.SPAM, strict.evaluate(R.text("HELLO you")).decision());
        assertEquals(Decision.SPAM, strict.evaluate(R.text("hmmmm")).decision());
        assertEquals(Decision.APPROVED, strict.evaluate(R.text("Hello world")).decision());
    }

    @Test
    void invalidLimitsRejected() {
        assertEquals("minLength", assertThrows(InvalidRuleException.class, () -> CompiledRules.validate(
                R.cfg().minLength(-1).rule(1, RuleType.SHOUTING, RuleAction.HOLD))).field());
        assertEquals("maxUpperCaseRatio", assertThrows(InvalidRuleException.class, () -> CompiledRules.validate(
                R.cfg().ratio(1.5).rule(1, RuleType.SHOUTING, RuleAction.HOLD))).field());
        assertEquals("maxUpperCaseRatio", assertThrows(InvalidRuleException.class, () -> CompiledRules.validate(
                R.cfg().ratio(Double.NaN).rule(1, RuleType.SHOUTING, RuleAction.HOLD))).field());
        assertEquals("maxRepeatedChars", assertThrows(InvalidRuleException.class, () -> CompiledRules.validate(
                R.cfg().maxRepeated(0).rule(1, RuleType.SHOUTING, RuleAction.HOLD))).field());
        assertTrue(true);
    }
}
