package com.newsroom.comments.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The throttling policy on a clock the test moves; the defaults of CommentsConfig. */
class SignInThrottleTest {

    final AtomicLong now = new AtomicLong(-5_000_000_000L); // nanoTime may be negative
    final SignInThrottle throttle = new SignInThrottle(new SignInThrottle.Policy(10, Duration.ofSeconds(60), 10,
            Duration.ofSeconds(10), Duration.ofMinutes(15)), now::get);

    void fail(String address, String account) {
        assertTrue(throttle.acquire(address, account).allowed(), address + " should be allowed");
        throttle.failed(address, account);
    }

    void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void anAddressGetsTenFailuresThenOnePerMinute() {
        for (int i = 0; i < 10; i++) {
            fail("192.0.2.1", "user" + i); // different accounts: only the address counts here
        }
        SignInThrottle.Decision refused = throttle.acquire("192.0.2.1", "another");
        assertFalse(refused.allowed());
        assertEquals(60, refused.retryAfter().toSeconds());
        advance(Duration.ofSeconds(59));
        assertFalse(throttle.acquire("192.0.2.1", "another").allowed());
        advance(Duration.ofSeconds(1));
        fail("192.0.2.1", "another");
        assertFalse(throttle.acquire("192.0.2.1", "another").allowed());
        assertTrue(throttle.acquire("192.0.2.2", "another").allowed(), "other addresses are not concerned");
    }

    @Test
    void successesGiveTheirAttemptBack() {
        for (int i = 0; i < 100; i++) {
            assertTrue(throttle.acquire("192.0.2.3", "ayse").allowed());
            throttle.succeeded("192.0.2.3", "ayse");
        }
    }

    @Test
    void concurrentAttemptsCannotOvershootTheBucket() {
        int allowed = 0;
        for (int i = 0; i < 50; i++) { // 50 attempts in flight before any outcome is known
            allowed += throttle.acquire("192.0.2.4", "ayse").allowed() ? 1 : 0;
        }
        assertEquals(10, allowed);
    }

    @Test
    void guessesFromManyAddressesSlowTheGuessersButNeverACleanAddress() {
        int checked = 0;
        for (int i = 0; i < 1000; i++) {
            String address = "198.51.100." + (i % 50);
            if (throttle.acquire(address, "admin").allowed()) {
                throttle.failed(address, "admin");
                checked++;
            }
        }
        // The first address's ten, then one first guess per other address and one account slot.
        assertTrue(checked <= 10 + 49 + 1, checked + " guesses checked");
        assertTrue(throttle.acquire("203.0.113.9", "admin").allowed(), "a clean address goes ahead at once");
        SignInThrottle.Decision suspect = throttle.acquire("198.51.100.7", "admin");
        assertFalse(suspect.allowed());
        advance(Duration.ofSeconds(10));
        assertTrue(throttle.acquire("198.51.100.7", "admin").allowed(), "the account's slot opens every 10 s");
        assertFalse(throttle.acquire("198.51.100.8", "admin").allowed(), "one slot shared by all suspects");
        advance(Duration.ofMinutes(16));
        assertTrue(throttle.acquire("198.51.100.8", "admin").allowed(), "the account's window passed");
    }
}
