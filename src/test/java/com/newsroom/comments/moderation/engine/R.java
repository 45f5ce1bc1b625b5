package com.newsroom.comments.moderation.engine;

import java.util.List;

/** Test helpers for building rules and submissions. */
final class R {
    private R() { }

    static RuleDefinition terms(long id, RuleAction action, String... terms) {
        return new RuleDefinition(id, RuleType.TERMS, action, cfg().terms(List.of(terms)).build());
    }

    static RuleDefinition terms(long id, RuleAction action, List<Field> fields, String... terms) {
        return new RuleDefinition(id, RuleType.TERMS, action, cfg().terms(List.of(terms)).fields(fields).build());
    }

    static RuleDefinition pattern(long id, RuleAction action, String pattern) {
        return new RuleDefinition(id, RuleType.PATTERN, action, cfg().pattern(pattern).build());
    }

    static Submission text(String text) {
        return new Submission("Reader", text, "reader@example.org", null, "198.51.100.7");
    }

    static Cfg cfg() {
        return new Cfg();
    }

    /** Builder so tests only name the config fields they care about. */
    static final class Cfg {
        List<String> terms;
        String pattern;
        List<Field> fields;
        Integer maxLinks;
        List<String> blockedDomains;
        List<String> allowedDomains;
        Integer minLength;
        Double maxUpperCaseRatio;
        Integer maxRepeatedChars;
        Boolean holdLinksOnly;
        List<String> emails;
        List<String> names;
        List<String> ips;

        Cfg terms(List<String> v) { terms = v; return this; }
        Cfg pattern(String v) { pattern = v; return this; }
        Cfg fields(List<Field> v) { fields = v; return this; }
        Cfg maxLinks(Integer v) { maxLinks = v; return this; }
        Cfg blocked(String... v) { blockedDomains = List.of(v); return this; }
        Cfg allowed(String... v) { allowedDomains = List.of(v); return this; }
        Cfg minLength(Integer v) { minLength = v; return this; }
        Cfg ratio(Double v) { maxUpperCaseRatio = v; return this; }
        Cfg maxRepeated(Integer v) { maxRepeatedChars = v; return this; }
        Cfg linksOnly(Boolean v) { holdLinksOnly = v; return this; }
        Cfg emails(String... v) { emails = List.of(v); return this; }
        Cfg names(String... v) { names = List.of(v); return this; }
        Cfg ips(String... v) { ips = List.of(v); return this; }

        RuleConfig build() {
            return new RuleConfig(terms, pattern, fields, maxLinks, blockedDomains, allowedDomains, minLength,
                    maxUpperCaseRatio, maxRepeatedChars, holdLinksOnly, emails, names, ips, null);
        }

        RuleDefinition rule(long id, RuleType type, RuleAction action) {
            return new RuleDefinition(id, type, action, build());
        }
    }
}
