package com.newsroom.comments.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.moderator.CommonPasswords;

/** The plain parts of sign-in: client addresses, the cross-site rule, common passwords, failure tallies. */
class SignInPartsTest {

    @Test
    void ipv6AddressesCountByTheirSlash64() {
        assertEquals("2001:db8:1:2::/64", ClientAddress.normalize("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals("2001:db8:1:2::/64", ClientAddress.normalize("2001:db8:1:2::1"));
        assertEquals("192.0.2.1", ClientAddress.normalize("192.0.2.1"));
        assertEquals("?", ClientAddress.normalize(null));
    }

    @Test
    void onlyThisHostsOriginPasses() {
        assertTrue(CrossSite.sameOrigin(null, "comments.example.com"));
        assertTrue(CrossSite.sameOrigin("https://comments.example.com", "comments.example.com"));
        assertTrue(CrossSite.sameOrigin("http://localhost:8080", "localhost:8080"));
        assertFalse(CrossSite.sameOrigin("https://evil.example.com", "comments.example.com"));
        assertFalse(CrossSite.sameOrigin("http://localhost:8081", "localhost:8080"));
        assertFalse(CrossSite.sameOrigin("null", "comments.example.com"));
        assertFalse(CrossSite.sameOrigin("https://comments.example.com", null));
    }

    @Test
    void theCommonPasswordsAreBundled() {
        assertTrue(CommonPasswords.contains("qwerty123456"));
        assertTrue(CommonPasswords.contains("QWERTY123456"), "regardless of case");
        assertFalse(CommonPasswords.contains("a perfectly long pass phrase"));
    }

    @Test
    void failuresAreTalliedPerAccountAndUnknownNamesTogether() {
        FailedSignIns failures = new FailedSignIns();
        Instant at = Instant.parse("2026-12-05T08:00:00Z");
        for (int i = 0; i < 1000; i++) {
            failures.record("admin", true, i >= 10, "198.51.100." + (i % 50), at);
            failures.record("guess" + i, false, false, "198.51.100.1", at);
        }
        List<FailedSignIns.Summary> summaries = failures.drain();
        assertEquals(2, summaries.size());
        FailedSignIns.Summary admin = summaries.stream().filter(s -> s.actor().equals("admin")).findFirst().orElseThrow();
        assertEquals("10 failed sign-ins, 990 throttled, from 50 addresses", admin.details());
        FailedSignIns.Summary unknown = summaries.stream().filter(s -> s.actor().equals(FailedSignIns.UNKNOWN_USERS))
                .findFirst().orElseThrow();
        assertEquals("1000 failed sign-ins, 0 throttled, from 1 address for 1000 user names", unknown.details());
        assertTrue(failures.drain().isEmpty());
    }
}
