package com.newsroom.comments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.report.ReportPolicy.Open;

class ReportPolicyTest {

    final ReportPolicy policy = new ReportPolicy(3, Map.of(ReportReason.PERSONAL_INFO, 1));

    static Open byIp(String ip, ReportReason reason) {
        return new Open("ip:" + ip, ip, reason);
    }

    static Open byEmail(String email, String ip, ReportReason reason) {
        return new Open("email:" + email, ip, reason);
    }

    @Test
    void threeDistinctReportersHold() {
        List<Open> two = List.of(byIp("10.0.0.1", ReportReason.ABUSE), byEmail("a@example.com", "10.0.0.2", ReportReason.SPAM));
        assertFalse(policy.hold(two).isPresent());
        var tally = policy.hold(List.of(two.get(0), two.get(1), byIp("10.0.0.3", ReportReason.ABUSE))).orElseThrow();
        assertEquals(3, tally.reporters());
        assertEquals(Map.of(ReportReason.ABUSE, 2, ReportReason.SPAM, 1), tally.byReason());
        assertEquals("3 readers: SPAM 1, ABUSE 2", tally.describe());
    }

    @Test
    void reportsSharingAnAddressCountOnce() {
        List<Open> oneMachine = List.of(byEmail("a@example.com", "10.0.0.1", ReportReason.ABUSE),
                byEmail("b@example.com", "10.0.0.1", ReportReason.ABUSE), byIp("10.0.0.1", ReportReason.ABUSE));
        assertEquals(1, policy.tally(oneMachine).reporters());
        assertFalse(policy.hold(oneMachine).isPresent());
    }

    @Test
    void reportsWithoutAnAddressCountByReporter() {
        List<Open> reports = List.of(byEmail("a@example.com", null, ReportReason.OTHER),
                byEmail("b@example.com", null, ReportReason.OTHER), byEmail("c@example.com", null, ReportReason.OTHER));
        assertTrue(policy.hold(reports).isPresent());
    }

    @Test
    void aReasonsOwnThresholdHolds() {
        assertTrue(policy.hold(List.of(byIp("10.0.0.1", ReportReason.PERSONAL_INFO))).isPresent());
        assertFalse(policy.hold(List.of(byIp("10.0.0.1", ReportReason.OFF_TOPIC))).isPresent());
        assertEquals("1 reader: PERSONAL_INFO 1", policy.tally(List.of(byIp("10.0.0.1", ReportReason.PERSONAL_INFO))).describe());
    }

    @Test
    void noReportsNoHoldAndThresholdsAreAtLeastOne() {
        assertFalse(policy.hold(List.of()).isPresent());
        assertThrows(IllegalArgumentException.class, () -> new ReportPolicy(0, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new ReportPolicy(3, Map.of(ReportReason.SPAM, 0)));
    }

    @Test
    void reasonsAreParsedInAnyCase() {
        assertEquals(ReportReason.OFF_TOPIC, ReportReason.parse(" off_topic "));
        assertEquals(null, ReportReason.parse("boring"));
        assertEquals(null, ReportReason.parse(null));
    }
}
