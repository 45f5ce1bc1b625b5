package com.newsroom.comments.moderation.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** No PATTERN rule can hold a thread: oversized programs are refused, and matching has a time budget. */
class PatternLimitsTest {

    @Test
    void nestedRepetitionsThatMultiplyPastTheLimitAreRefused() {
        for (String pattern : new String[] { "(a{1000}){1000}b", "((ab){100}){100}", "(?:x{50}){500}", "[a-z]{1000}(b{20}){1000}" }) {
            InvalidRuleException e = assertThrows(InvalidRuleException.class,
                    () -> CompiledRules.validate(R.pattern(1, RuleAction.HOLD, pattern)), pattern);
            assertEquals("pattern", e.field());
            assertTrue(e.getMessage().contains("too complex"), e.getMessage());
        }
    }

    @Test
    void ordinaryPatternsAreAccepted() {
        for (String pattern : new String[] { "(?i)whats\\s*app\\s*\\+?\\d{6,}", "viagra|cialis", "[a-z]{1,100}",
                "(ab|cd){3}", "\\p{L}{1,50}", "x{2}\\{3}", "[{}]+", "(?:https?://)?bit\\.ly/\\w{4,12}", "a{1000}" }) {
            assertDoesNotThrow(() -> CompiledRules.validate(R.pattern(1, RuleAction.HOLD, pattern)), pattern);
        }
    }

    @Test
    void theCostIsTheRepetitionsMultiplied() {
        assertEquals(1_000_001, PatternCost.of("(a{1000}){1000}b"), 1_000);
        assertEquals(3, PatternCost.of("abc"));
        assertEquals(100, PatternCost.of("[a-z]{1,100}"));
        assertEquals(12, PatternCost.of("(ab|cd){3}"));
    }

    @Test
    void aPatternThatRunsOutOfTimeHoldsTheCommentAndStopsInTime() {
        // Within the size limit, but slow on a long text: one thousand states per character.
        CompiledRules rules = CompiledRules.compile(List.of(R.pattern(9, RuleAction.SPAM, "[a-z ]{1,1000}q")));
        String text = "lorem ipsum dolor sit amet ".repeat(2_400); // 64,800 characters, no q
        long start = System.nanoTime();
        Verdict verdict = rules.evaluate(R.text(text));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Decision.PENDING, verdict.decision(), "held for a moderator, not spam, not approved");
        Reason reason = verdict.reasons().get(0);
        assertEquals(9L, reason.ruleId());
        assertEquals(RuleAction.HOLD, reason.action());
        assertTrue(reason.detail().contains("not finished within"), reason.detail());
        // The budget is CPU time: on a busy machine the wall clock runs further.
        assertTrue(millis < 10_000, "took " + millis + " ms");
    }
}
