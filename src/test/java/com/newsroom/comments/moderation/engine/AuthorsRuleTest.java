package com.newsroom.comments.moderation.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorsRuleTest {

    private static final CompiledRules RULES = CompiledRules.compile(List.of(R.cfg()
            .emails("Troll@Example.org")
            .names("John Spammer", "Ann")
            .ips("203.0.113.0/24", "198.51.100.9", "2001:db8::/32", "2a00:1450:4001:81c::200e")
            .rule(8, RuleType.AUTHORS, RuleAction.SPAM)));

    private static Verdict eval(String name, String email, String ip) {
        return RULES.evaluate(new Submission(name, "hello", email, null, ip));
    }

    @Test
    void blockedEmailIsCaseInsensitiveAndTrimmed() {
        Verdict v = eval("x", "  troll@EXAMPLE.org ", null);
        assertEquals(Decision.SPAM, v.decision());
        Reason r = v.reasons().get(0);
        assertEquals(Field.EMAIL, r.field());
        assertEquals("troll@EXAMPLE.org", r.match());
        assertEquals(2, r.start());
        assertEquals(Decision.APPROVED, eval("x", "troll@example.org.uk", null).decision());
    }

    @Test
    void blockedNamesAreNormalisedWholeNames() {
        assertEquals(Decision.SPAM, eval("john spammer", null, null).decision());
        assertEquals(Decision.SPAM, eval("J0HN  SP@MMER", null, null).decision());
        assertEquals(Decision.SPAM, eval("Jоhn Spаmmer", null, null).decision()); // Cyrillic о, а
        assertEquals(Decision.SPAM, eval("Annnn", null, null).decision());
        assertEquals(Decision.APPROVED, eval("An", null, null).decision());
        assertEquals(Decision.APPROVED, eval("John Spammer Jr", null, null).decision());
        assertEquals(Decision.APPROVED, eval("Anna", null, null).decision());
        Reason r = eval(" John Spammer ", null, null).reasons().get(0);
        assertEquals("John Spammer", r.match());
        assertEquals(1, r.start());
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.0", "203.0.113.255", "198.51.100.9", "::ffff:203.0.113.7",
        "2001:db8::1", "2001:DB8:FFFF::", "2001:0db8:0000:0000:0000:0000:0000:0001", "[2001:db8::5]",
        "2a00:1450:4001:81c:0:0:0:200e", "2001:db8::1%eth0"})
    void blockedIps(String ip) {
        Verdict v = eval("x", null, ip);
        assertEquals(Decision.SPAM, v.decision(), ip);
        assertEquals(Field.IP, v.reasons().get(0).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.114.1", "198.51.100.10", "2001:db9::1", "2a00:1450:4001:81c::200f", "::1",
        "not an ip", "203.0.113", "203.0.113.1.5", "example.com"})
    void otherIpsPass(String ip) {
        assertEquals(Decision.APPROVED, eval("x", null, ip).decision(), ip);
    }

    @Test
    void ipParsing() {
        assertArrayEquals(new long[] {0, 0xFFFF_CB00_7105L}, IpRanges.parse("203.0.113.5"));
        assertArrayEquals(IpRanges.parse("203.0.113.5"), IpRanges.parse("::ffff:203.0.113.5"));
        assertArrayEquals(IpRanges.parse("2001:db8::"), IpRanges.parse("2001:0db8:0:0:0:0:0:0"));
        assertNull(IpRanges.parse("1::2::3"));
        assertNull(IpRanges.parse("256.1.1.1"));
        assertNull(IpRanges.parse("1:2:3:4:5:6:7:8:9"));
        assertNull(IpRanges.parse("12345::"));
    }

    @Test
    void invalidAuthorsConfigRejected() {
        for (String bad : List.of("10.0.0.0/33", "300.1.1.1", "2001:db8::g", "2001:db8::/129", "10.0.0.0/", "10.0.0.0/abc",
                "www.example.com")) {
            InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> CompiledRules.validate(
                    R.cfg().ips(bad).rule(1, RuleType.AUTHORS, RuleAction.SPAM)), bad);
            assertEquals("ips", e.field());
        }
        assertEquals("emails", assertThrows(InvalidRuleException.class, () -> CompiledRules.validate(
                R.cfg().emails("nobody").rule(1, RuleType.AUTHORS, RuleAction.SPAM))).field());
        assertEquals("emails", assertThrows(InvalidRuleException.class, () -> CompiledRules.validate(
                R.cfg().rule(1, RuleType.AUTHORS, RuleAction.SPAM))).field());
        assertEquals("names", assertThrows(InvalidRuleException.class, () -> CompiledRules.validate(
                R.cfg().names("...").rule(1, RuleType.AUTHORS, RuleAction.SPAM))).field());
    }
}
