package com.newsroom.comments.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class AltchaTest {

    static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");
    final Altcha altcha = new Altcha(new BotKeys(List.of(FormTokensTest.KEY)), 5000, Duration.ofMinutes(20));

    /** Solves a challenge as the widget does: the first n whose SHA-256 hex of salt + n is the challenge. */
    static long solve(Altcha.Challenge c) {
        for (long n = 0; n <= c.maxnumber(); n++) {
            if (Altcha.sha256Hex(c.salt() + n).equals(c.challenge())) {
                return n;
            }
        }
        throw new AssertionError("no solution");
    }

    static String payload(String algorithm, String challenge, Object number, String salt, String signature) {
        String json = "{\"algorithm\":\"" + algorithm + "\",\"challenge\":\"" + challenge + "\",\"number\":" + number
                + ",\"salt\":\"" + salt + "\",\"signature\":\"" + signature + "\",\"took\":12}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String solution(Altcha.Challenge c) {
        return payload(c.algorithm(), c.challenge(), solve(c), c.salt(), c.signature());
    }

    @Test
    void aChallengeHasTheAltchaFormatAndItsSolutionIsAccepted() throws Exception {
        Altcha.Challenge c = altcha.create(T0);
        assertEquals("SHA-256", c.algorithm());
        assertEquals(5000, c.maxnumber());
        assertTrue(c.challenge().matches("[0-9a-f]{64}"), c.challenge());
        assertTrue(c.signature().matches("[0-9a-f]{64}"), c.signature());
        assertTrue(c.salt().matches("[0-9a-f]{24}\\?expires=" + T0.plusSeconds(1200).getEpochSecond() + "&"), c.salt());
        Altcha.Solution solution = altcha.verify(solution(c), T0.plusSeconds(60));
        assertEquals(c.challenge(), solution.challenge());
        assertEquals(T0.plusSeconds(1200), solution.expiresAt());
    }

    @Test
    void expiredWrongOrForgedSolutionsAreRefused() {
        Altcha.Challenge c = altcha.create(T0);
        long n = solve(c);
        assertThrows(Altcha.InvalidSolution.class, () -> altcha.verify(solution(c), T0.plusSeconds(1200)), "expired");
        assertThrows(Altcha.InvalidSolution.class,
                () -> altcha.verify(payload("SHA-256", c.challenge(), n == 0 ? 1 : n - 1, c.salt(), c.signature()), T0), "wrong number");
        assertThrows(Altcha.InvalidSolution.class,
                () -> altcha.verify(payload("SHA-1", c.challenge(), n, c.salt(), c.signature()), T0), "wrong algorithm");
        // A challenge of its own, signed with another key.
        Altcha other = new Altcha(new BotKeys(List.of(FormTokensTest.NEXT_KEY)), 5000, Duration.ofMinutes(20));
        Altcha.Challenge forged = other.create(T0);
        assertThrows(Altcha.InvalidSolution.class, () -> altcha.verify(solution(forged), T0), "other key");
        // The expiry moved later: the challenge no longer matches the salt.
        String later = c.salt().replace("expires=", "expires=9");
        assertThrows(Altcha.InvalidSolution.class,
                () -> altcha.verify(payload("SHA-256", c.challenge(), n, later, c.signature()), T0), "salt changed");
        String noExpiry = c.salt().substring(0, c.salt().indexOf('?'));
        String unsigned = Altcha.sha256Hex(noExpiry + 7);
        assertThrows(Altcha.InvalidSolution.class,
                () -> altcha.verify(payload("SHA-256", unsigned, 7, noExpiry, altcha.signature(unsigned)), T0), "no expiry");
    }

    @Test
    void duringRotationSolutionsOfThePreviousKeyAreAccepted() throws Exception {
        Altcha.Challenge c = altcha.create(T0);
        Altcha rotated = new Altcha(new BotKeys(List.of(FormTokensTest.NEXT_KEY, FormTokensTest.KEY)), 5000, Duration.ofMinutes(20));
        assertEquals(c.challenge(), rotated.verify(solution(c), T0).challenge());
    }

    @Test
    void malformedPayloadsAreInvalidNeverAnotherException() {
        Altcha.Challenge c = altcha.create(T0);
        String[] malformed = {
            null, "", "not base64 !!", Base64.getEncoder().encodeToString("not json".getBytes(StandardCharsets.UTF_8)),
            Base64.getEncoder().encodeToString("[1,2]".getBytes(StandardCharsets.UTF_8)),
            Base64.getEncoder().encodeToString("{\"algorithm\":".getBytes(StandardCharsets.UTF_8)),
            Base64.getEncoder().encodeToString("{\"algorithm\":\"SHA-256\"}".getBytes(StandardCharsets.UTF_8)),
            payload("SHA-256", c.challenge(), "\"12\"", c.salt(), c.signature()),
            payload("SHA-256", c.challenge(), "1.5", c.salt(), c.signature()),
            payload("SHA-256", c.challenge(), "-1", c.salt(), c.signature()),
            payload("SHA-256", c.challenge(), "99999999999999999999999", c.salt(), c.signature()),
            payload("SHA-256", c.challenge(), 1, c.salt(), "zz-not-hex"),
            payload("SHA-256", c.challenge(), 1, "x?expires=12345678901234567890&", c.signature()),
            "A".repeat(5000)
        };
        for (String payload : malformed) {
            assertThrows(Altcha.InvalidSolution.class, () -> altcha.verify(payload, T0), String.valueOf(payload));
        }
    }
}
