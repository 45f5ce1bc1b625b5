package com.newsroom.comments.moderation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinksRuleTest {

    private static int count(String text) {
        return (int) Links.extract(text).stream().filter(Links.Link::counted).count();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "see http://example.com/a?b=c|1",
        "see HTTPS://Example.com.|1",
        "www.example.org and www.foo.net/path|2",
        "example.com, spam.example.co.uk/path and (news.bbc.co.uk)|3",
        "mail me at john@example.com please|0",
        "e.g. this, i.e. that, version 1.2.3, pi is 3.14, U.S. and a.m.|0",
        "I said so.Then left|0",
        "link:https://x.example/p|1",
        "http://localhost:8080/x|1",
        "Ünïcode.de and bücher.example.com|2",
        "http://user@evil.com/|1",
        "just text|0",
    })
    void countsLinks(String text, int expected) {
        assertEquals(expected, count(text), () -> text + " -> " + Links.extract(text));
    }

    @Test
    void linkSpansPointAtOriginalText() {
        String text = "Go to (https://shop.example.com/deal). Now!";
        Links.Link l = Links.extract(text).get(0);
        assertEquals("https://shop.example.com/deal", text.substring(l.start(), l.end()));
        assertEquals("shop.example.com", l.host());
    }

    private static RuleDefinition linksRule(RuleAction action, R.Cfg cfg) {
        return cfg.rule(3, RuleType.LINKS, action);
    }

    @Test
    void tooManyLinksTriggersRuleAction() {
        CompiledRules rules = CompiledRules.compile(List.of(linksRule(RuleAction.HOLD, R.cfg())));
        String text = "a.com b.com http://c.org www.d.net";
        Verdict v = rules.evaluate(R.text(text));
        assertEquals(Decision.PENDING, v.decision());
        assertEquals(1, v.reasons().size());
        Reason r = v.reasons().get(0);
        assertEquals("4 links, limit 2", r.detail());
        assertEquals("http://c.org", r.match());
        assertEquals(text.indexOf("http"), r.start());
        assertEquals(Decision.APPROVED, rules.evaluate(R.text("a.com and b.com")).decision());
    }

    @Test
    void allowedDomainsAreNotCountedAndNeverBlocked() {
        CompiledRules rules = CompiledRules.compile(List.of(linksRule(RuleAction.HOLD,
                R.cfg().maxLinks(1).allowed("newsroom.example", "wikipedia.org").blocked("wikipedia.org"))));
        String text = "https://en.wikipedia.org/wiki/X https://www.newsroom.example/a https://newsroom.example/b other.com";
        assertEquals(Decision.APPROVED, rules.evaluate(R.text(text)).decision());
        assertEquals(Decision.PENDING, rules.evaluate(R.text(text + " another.com")).decision());
    }

    @Test
    void blockedDomainsAndSubdomainsAreSpamEvenForHoldRules() {
        CompiledRules rules = CompiledRules.compile(List.of(linksRule(RuleAction.HOLD,
                R.cfg().maxLinks(5).blocked("spam.example", "*.casino.test", "Bücher.example"))));
        String text = "cheap: http://WWW.Spam.Example/x and deals.spam.example and notspam.example";
        Verdict v = rules.evaluate(R.text(text));
        assertEquals(Decision.SPAM, v.decision());
        assertEquals(2, v.reasons().size());
        assertEquals("http://WWW.Spam.Example/x", v.reasons().get(0).match());
        assertEquals(RuleAction.SPAM, v.reasons().get(0).action());
        assertEquals("blocked domain spam.example", v.reasons().get(0).detail());
        assertEquals("deals.spam.example", v.reasons().get(1).match());
        assertEquals(Decision.SPAM, rules.evaluate(R.text("go to https://a.casino.test")).decision());
        assertEquals(Decision.SPAM, rules.evaluate(R.text("see https://BÜCHER.example/x")).decision());
        assertEquals(Decision.APPROVED, rules.evaluate(R.text("mail me: bob@spam.example")).decision());
    }

    @Test
    void websiteFieldIsCheckedForBlockedDomains() {
        CompiledRules rules = CompiledRules.compile(List.of(linksRule(RuleAction.HOLD, R.cfg().blocked("spam.example"))));
        Submission s = new Submission("x", "hello", null, "https://shop.spam.example/landing", null);
        Verdict v = rules.evaluate(s);
        assertEquals(Decision.SPAM, v.decision());
        Reason r = v.reasons().get(0);
        assertEquals(Field.WEBSITE, r.field());
        assertEquals("shop.spam.example", r.match());
        assertEquals(8, r.start());
        Submission bare = new Submission("x", "hello", null, "spam.example", null);
        assertEquals(Decision.SPAM, rules.evaluate(bare).decision());
        Submission ok = new Submission("x", "hello", null, "https://good.example", null);
        assertEquals(Decision.APPROVED, rules.evaluate(ok).decision());
    }

    @Test
    void maxLinksZeroMeansAnyLink() {
        CompiledRules rules = CompiledRules.compile(List.of(linksRule(RuleAction.SPAM, R.cfg().maxLinks(0))));
        assertEquals(Decision.SPAM, rules.evaluate(R.text("visit example.com")).decision());
        assertEquals(Decision.APPROVED, rules.evaluate(R.text("no links, e.g. none")).decision());
    }

    @Test
    void invalidLinkConfigIsRejected() {
        assertEquals("maxLinks", assertThrows(InvalidRuleException.class,
                () -> CompiledRules.validate(linksRule(RuleAction.HOLD, R.cfg().maxLinks(-1)))).field());
        assertEquals("blockedDomains", assertThrows(InvalidRuleException.class,
                () -> CompiledRules.validate(linksRule(RuleAction.HOLD, R.cfg().blocked("not a domain")))).field());
        assertEquals("allowedDomains", assertThrows(InvalidRuleException.class,
                () -> CompiledRules.validate(linksRule(RuleAction.HOLD, R.cfg().allowed(" ")))).field());
        assertTrue(CompiledRules.compile(List.of(linksRule(RuleAction.HOLD, R.cfg()))).ruleCount() == 1);
    }
}
