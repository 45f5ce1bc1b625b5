package com.newsroom.comments.moderation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PatternRuleTest {

    @Test
    void matchesOriginalTextWithOffsetsCaseInsensitively() {
        CompiledRules rules = CompiledRules.compile(List.of(R.pattern(7, RuleAction.HOLD, "viagra|cialis")));
        Verdict v = rules.evaluate(R.text("Cheap VIAGRA and Cialis here"));
        assertEquals(Decision.PENDING, v.decision());
        assertEquals(2, v.reasons().size());
        Reason r = v.reasons().get(0);
        assertEquals("VIAGRA", r.match());
        assertEquals(6, r.start());
        assertEquals(12, r.end());
        assertEquals(RuleType.PATTERN, r.type());
        assertEquals(7L, r.ruleId());
        assertEquals("Cialis", v.reasons().get(1).match());
        assertEquals(17, v.reasons().get(1).start());
    }

    @Test
    void defaultFieldsExcludeIpButExplicitIpWorks() {
        Submission s = new Submission("bob", "hi", "bob@casino.example", "http://casino.example", "10.1.2.3");
        CompiledRules dflt = CompiledRules.compile(List.of(R.pattern(1, RuleAction.SPAM, "casino|^10\\.")));
        List<Reason> rs = dflt.evaluate(s).reasons();
        assertEquals(List.of(Field.EMAIL, Field.WEBSITE), rs.stream().map(Reason::field).toList());
        assertEquals(Decision.SPAM, dflt.evaluate(s).decision());

        CompiledRules ipOnly = CompiledRules.compile(List.of(new RuleDefinition(2, RuleType.PATTERN, RuleAction.HOLD,
                R.cfg().pattern("^10\\.").fields(List.of(Field.IP)).build())));
        Reason r = ipOnly.evaluate(s).reasons().get(0);
        assertEquals(Field.IP, r.field());
        assertEquals("10.", r.match());
        assertEquals(0, r.start());
        assertEquals(3, r.end());
    }

    @Test
    void emptyMatchesAreIgnored() {
        CompiledRules rules = CompiledRules.compile(List.of(R.pattern(1, RuleAction.HOLD, "q*")));
        assertEquals(Decision.APPROVED, rules.evaluate(R.text("hello")).decision());
    }

    @Test
    void invalidAndBlankPatternsAreRejected() {
        InvalidRuleException e = assertThrows(InvalidRuleException.class,
                () -> CompiledRules.validate(R.pattern(1, RuleAction.HOLD, "([a-z")));
        assertEquals("pattern", e.field());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertEquals("pattern", assertThrows(InvalidRuleException.class,
                () -> CompiledRules.validate(R.pattern(1, RuleAction.HOLD, "   "))).field());
        assertEquals("pattern", assertThrows(InvalidRuleException.class,
                () -> CompiledRules.compile(List.of(R.pattern(1, RuleAction.HOLD, null)))).field());
        // RE2 has no backreferences: a classic ReDoS-style construct is simply refused
        assertEquals("pattern", assertThrows(InvalidRuleException.class,
                () -> CompiledRules.validate(R.pattern(1, RuleAction.HOLD, "(a)\\1"))).field());
    }

    @Test
    void catastrophicPatternStaysLinear() {
        CompiledRules rules = CompiledRules.compile(List.of(R.pattern(1, RuleAction.HOLD, "(a+)+$")));
        String evil = "a".repeat(5000) + "!";
        assertEquals(Decision.APPROVED, rules.evaluate(R.text(evil)).decision());
    }
}
