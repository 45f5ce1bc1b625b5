package com.newsroom.comments.moderation.engine;

import java.util.List;

/** All fields nullable; which ones apply depends on the type. */
public record RuleConfig(
        List<String> terms,            // TERMS: words/phrases; trailing '*' = prefix match
        String pattern,                // PATTERN: RE2 syntax
        List<Field> fields,            // PATTERN (and TERMS): fields to check; null = NAME, TEXT, EMAIL, WEBSITE
        Integer maxLinks,              // LINKS: more than this many links in TEXT -> the rule's action (default 2)
        List<String> blockedDomains,   // LINKS: a link to one of these (or a subdomain) -> SPAM (always SPAM)
        List<String> allowedDomains,   // LINKS: links to these (or subdomains) are not counted and never blocked
        Integer minLength,             // SHOUTING: letters needed before the upper-case check applies (default 20)
        Double maxUpperCaseRatio,      // SHOUTING: upper-case letters / letters above this -> action (default 0.7)
        Integer maxRepeatedChars,      // SHOUTING: a run of one character longer than this -> action (default 10)
        Boolean holdLinksOnly,         // SHOUTING: text that is only links (and whitespace/punctuation) -> action (default true)
        List<String> emails,           // AUTHORS: blocked emails (case-insensitive, exact)
        List<String> names,            // AUTHORS: blocked author names (normalised like terms, whole name)
        List<String> ips,              // AUTHORS: blocked IPv4/IPv6 addresses or CIDR ranges
        Integer intervalSeconds,       // FLOOD (evaluated by the service): at most one comment per interval
        List<String> exceptions,       // TERMS: allowed phrases; a hit inside one does not count ("Dick Van Dyke")
        Boolean masked,                // TERMS: also catch "f**k"-style masking (default false)
        Boolean inflections) {         // TERMS: English inflections, compounds, run-together words and phonetic spellings (default true)

    /** The settings without the TERMS options added later (exceptions, masked, inflections: defaults). */
    public RuleConfig(List<String> terms, String pattern, List<Field> fields, Integer maxLinks,
                      List<String> blockedDomains, List<String> allowedDomains, Integer minLength,
                      Double maxUpperCaseRatio, Integer maxRepeatedChars, Boolean holdLinksOnly, List<String> emails,
                      List<String> names, List<String> ips, Integer intervalSeconds) {
        this(terms, pattern, fields, maxLinks, blockedDomains, allowedDomains, minLength, maxUpperCaseRatio,
                maxRepeatedChars, holdLinksOnly, emails, names, ips, intervalSeconds, null, null, null);
    }
}
