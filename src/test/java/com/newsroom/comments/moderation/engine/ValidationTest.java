package com.newsroom.comments.moderation.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {

    private static String fieldOf(RuleDefinition rule) {
        return assertThrows(InvalidRuleException.class, () -> CompiledRules.validate(rule)).field();
    }

    @Test
    void termsValidation() {
        assertEquals("terms", fieldOf(R.terms(1, RuleAction.HOLD, "ok", "")));
        assertEquals("terms", fieldOf(R.terms(1, RuleAction.HOLD, "   ")));
        assertEquals("terms", fieldOf(R.terms(1, RuleAction.HOLD, "***")));
        assertEquals("terms", fieldOf(R.terms(1, RuleAction.HOLD, "*")));
        assertEquals("terms", fieldOf(R.terms(1, RuleAction.HOLD, "\u200B")));
        assertEquals("terms", fieldOf(R.cfg().terms(List.of()).rule(1, RuleType.TERMS, RuleAction.HOLD)));
        assertEquals("terms", fieldOf(R.cfg().terms(Arrays.asList("a", null)).rule(1, RuleType.TERMS, RuleAction.HOLD)));
        assertEquals("terms", fieldOf(new RuleDefinition(1, RuleType.TERMS, RuleAction.HOLD, null)));
        assertEquals("fields", fieldOf(R.terms(1, RuleAction.HOLD, List.of(), "x")));
        assertDoesNotThrow(() -> CompiledRules.validate(R.terms(1, RuleAction.HOLD, "spam*", "buy now", "k1ll")));
    }

    @Test
    void headerValidation() {
        assertEquals("type", fieldOf(new RuleDefinition(1, null, RuleAction.HOLD, R.cfg().build())));
        assertEquals("action", fieldOf(new RuleDefinition(1, RuleType.SHOUTING, null, R.cfg().build())));
    }

    @Test
    void compileReportsBadRuleAmongGoodOnes() {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> CompiledRules.compile(List.of(
                R.terms(1, RuleAction.HOLD, "fine"), R.pattern(2, RuleAction.HOLD, "(unclosed"))));
        assertEquals("pattern", e.field());
    }

    @Test
    void emptyRules() {
        assertSame(CompiledRules.empty(), CompiledRules.compile(List.of()));
        assertEquals(0, CompiledRules.empty().ruleCount());
        Verdict v = CompiledRules.empty().evaluate(R.text("anything at all"));
        assertEquals(Decision.APPROVED, v.decision());
        assertEquals(List.of(), v.reasons());
        assertEquals(Decision.APPROVED, CompiledRules.empty().evaluate(new Submission(null, null, null, null, null)).decision());
    }

    @Test
    void nullFieldsAreTolerated() {
        CompiledRules all = CompiledRules.compile(List.of(
                R.terms(1, RuleAction.HOLD, "x"), R.pattern(2, RuleAction.HOLD, "y"),
                R.cfg().rule(3, RuleType.LINKS, RuleAction.HOLD), R.cfg().rule(4, RuleType.SHOUTING, RuleAction.HOLD),
                R.cfg().ips("10.0.0.0/8").names("z").emails("a@b.c").rule(5, RuleType.AUTHORS, RuleAction.SPAM)));
        assertEquals(5, all.ruleCount());
        assertEquals(Decision.APPROVED, all.evaluate(new Submission(null, null, null, null, null)).decision());
        assertEquals(Decision.APPROVED, all.evaluate(new Submission("", "", "", "", "")).decision());
    }
}
