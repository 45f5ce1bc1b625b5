package com.newsroom.comments.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class FormTokensTest {

    static final String KEY = "first-key-0123456789";
    static final String NEXT_KEY = "second-key-0123456789";
    static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

    final FormTokens tokens = tokens(KEY);

    static FormTokens tokens(String... keys) {
        return new FormTokens(new BotKeys(List.of(keys)), Duration.ofSeconds(3), Duration.ofDays(1));
    }

    @Test
    void aTokenSentAfterTheMinimumTimeIsAccepted() {
        String token = tokens.issue("budget-2026", T0);
        assertEquals(FormTokens.Check.OK, tokens.check("budget-2026", token, T0.plusSeconds(3)));
        assertEquals(FormTokens.Check.OK, tokens.check("budget-2026", token, T0.plus(Duration.ofHours(23))));
    }

    @Test
    void aTokenSentTooSoonIsTooFastAndAnOldOneExpired() {
        String token = tokens.issue("budget-2026", T0);
        assertEquals(FormTokens.Check.TOO_FAST, tokens.check("budget-2026", token, T0.plusMillis(2999)));
        assertEquals(FormTokens.Check.TOO_FAST, tokens.check("budget-2026", token, T0.minusSeconds(5)));
        assertEquals(FormTokens.Check.EXPIRED, tokens.check("budget-2026", token, T0.plus(Duration.ofDays(1)).plusSeconds(1)));
        assertEquals(2.5, FormTokens.ageSeconds(token, T0.plusMillis(2500)), 1e-9);
    }

    @Test
    void forgedTokensAreRecognised() {
        String token = tokens.issue("budget-2026", T0);
        Instant later = T0.plusSeconds(10);
        assertEquals(FormTokens.Check.FORGED, tokens.check("another-article", token, later), "another article");
        assertEquals(FormTokens.Check.FORGED, tokens(NEXT_KEY).check("budget-2026", token, later), "another key");
        String earlier = (T0.toEpochMilli() - 60_000) + token.substring(token.indexOf('.'));
        assertEquals(FormTokens.Check.FORGED, tokens.check("budget-2026", earlier, later), "issue time changed");
        String[] parts = token.split("\\.");
        String flipped = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
        assertEquals(FormTokens.Check.FORGED, tokens.check("budget-2026", flipped, later), "signature changed");
        for (String malformed : new String[] { "", ".", "..", "abc", "1.2", "1.2.3.4", "x1.abc.def", "-1.abc.def",
                parts[0] + "." + parts[1] + ".not*base64", "9".repeat(300), "99999999999999999999." + parts[1] + "." + parts[2] }) {
            assertEquals(FormTokens.Check.FORGED, tokens.check("budget-2026", malformed, later), malformed);
        }
        assertEquals(FormTokens.Check.FORGED, tokens.check("budget-2026", null, later));
    }

    @Test
    void duringRotationTokensOfThePreviousKeyAreAccepted() {
        String old = tokens.issue("budget-2026", T0);
        FormTokens rotated = tokens(NEXT_KEY, KEY);
        assertEquals(FormTokens.Check.OK, rotated.check("budget-2026", old, T0.plusSeconds(10)));
        String fresh = rotated.issue("budget-2026", T0);
        assertEquals(FormTokens.Check.OK, tokens(NEXT_KEY).check("budget-2026", fresh, T0.plusSeconds(10)));
        assertEquals(FormTokens.Check.FORGED, tokens.check("budget-2026", fresh, T0.plusSeconds(10)));
    }

    @Test
    void shortOrMissingKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BotKeys(List.of("short")));
        assertThrows(IllegalArgumentException.class, () -> new BotKeys(List.of()));
    }
}
