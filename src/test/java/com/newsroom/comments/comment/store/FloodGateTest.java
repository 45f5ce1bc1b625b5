package com.newsroom.comments.comment.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FloodGateTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(15);

    @Test
    void authorWithoutHistoryIsAdmittedAndRecorded() {
        FloodGate gate = new FloodGate(Map.of("ip:1.2.3.4", Instant.EPOCH));
        assertEquals(Optional.empty(), gate.admit(List.of("email:a@x", "ip:1.2.3.4"), T0, INTERVAL));
        assertEquals(Map.of("email:a@x", T0, "ip:1.2.3.4", T0), gate.admitted());
    }

    @Test
    void recentKeyRefusesWithTheRemainingWait() {
        FloodGate gate = new FloodGate(Map.of("ip:1.2.3.4", T0.minusSeconds(10)));
        assertEquals(Optional.of(Duration.ofSeconds(5)), gate.admit(List.of("ip:1.2.3.4"), T0, INTERVAL));
        assertTrue(gate.admitted().isEmpty());
    }

    @Test
    void theLongestWaitOfAnyKeyCounts() {
        FloodGate gate = new FloodGate(Map.of("ip:1.2.3.4", T0.minusSeconds(10), "email:a@x", T0.minusSeconds(2)));
        assertEquals(Optional.of(Duration.ofSeconds(13)), gate.admit(List.of("email:a@x", "ip:1.2.3.4"), T0, INTERVAL));
    }

    @Test
    void exactlyOneIntervalLaterIsAllowed() {
        FloodGate gate = new FloodGate(Map.of("ip:1.2.3.4", T0.minus(INTERVAL)));
        assertEquals(Optional.empty(), gate.admit(List.of("ip:1.2.3.4"), T0, INTERVAL));
    }

    @Test
    void secondCommentOfOneAuthorInTheSameBatchIsRefused() {
        FloodGate gate = new FloodGate(Map.of());
        assertEquals(Optional.empty(), gate.admit(List.of("ip:1.2.3.4"), T0, INTERVAL));
        // Another key of the same author (the shared IP) is enough; the e-mail is not recorded.
        assertEquals(Optional.of(INTERVAL.minusMillis(3)),
                gate.admit(List.of("email:b@x", "ip:1.2.3.4"), T0.plusMillis(3), INTERVAL));
        assertEquals(Map.of("ip:1.2.3.4", T0), gate.admitted());
    }

    @Test
    void refusedCommentDoesNotTakeTheSlotOfItsOtherKeys() {
        FloodGate gate = new FloodGate(Map.of("ip:1.2.3.4", T0.minusSeconds(1)));
        assertTrue(gate.admit(List.of("email:a@x", "ip:1.2.3.4"), T0, INTERVAL).isPresent());
        // The same e-mail from another IP right after: the refused comment did not record the e-mail.
        assertEquals(Optional.empty(), gate.admit(List.of("email:a@x", "ip:5.6.7.8"), T0.plusMillis(1), INTERVAL));
    }
}
