package com.newsroom.comments.moderation.rule;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.newsroom.comments.moderation.engine.Field;
import com.newsroom.comments.moderation.engine.RuleAction;
import com.newsroom.comments.moderation.engine.RuleConfig;
import com.newsroom.comments.moderation.engine.RuleType;

/** A rule as moderators write it: common fields, then the fields of its type. */
@Schema(name = "RuleRequest", description = """
        A moderation rule. Fields by type: TERMS: terms (a trailing * allows prefixes), fields, exceptions, \
        masked, inflections; \
        PATTERN: pattern (RE2 syntax), fields; LINKS: maxLinks, blockedDomains (always SPAM), allowedDomains; \
        SHOUTING: minLength, maxUpperCaseRatio, maxRepeatedChars, holdLinksOnly; AUTHORS: emails, names, ips \
        (addresses or CIDR ranges); FLOOD: intervalSeconds (429 when exceeded); DUPLICATES: none (409 on a \
        repeated comment); FIRST_COMMENT: none (holds an author's first comment until one is approved).""")
public record RuleRequest(
        @Schema(required = true, example = "TERMS") RuleType type,
        @Schema(description = "HOLD (pending) or SPAM; HOLD when absent", example = "SPAM") RuleAction action,
        @Schema(description = "true when absent") Boolean enabled,
        @Schema(example = "Slurs seen on the election coverage") String description,
        @Schema(example = "[\"word\", \"two words\", \"prefix*\"]") List<String> terms,
        @Schema(example = "(?i)whats\\s*app\\s*\\+?\\d{6,}") String pattern,
        List<Field> fields,
        @Schema(example = "2") Integer maxLinks,
        @Schema(example = "[\"spam.example\"]") List<String> blockedDomains,
        @Schema(example = "[\"newsroom.example\"]") List<String> allowedDomains,
        @Schema(example = "20") Integer minLength,
        @Schema(example = "0.7") Double maxUpperCaseRatio,
        @Schema(example = "10") Integer maxRepeatedChars,
        Boolean holdLinksOnly,
        @Schema(example = "[\"spammer@example.com\"]") List<String> emails,
        List<String> names,
        @Schema(example = "[\"203.0.113.0/24\", \"2001:db8::1\"]") List<String> ips,
        @Schema(example = "15") Integer intervalSeconds,
        @Schema(description = "TERMS: allowed phrases; a term found inside one of them does not count (matched "
                + "like terms: case, accents and look-alikes folded)", example = "[\"Dick Van Dyke\", \"Cockburn\"]")
        List<String> exceptions,
        @Schema(description = "TERMS: also catch masked spellings that keep the first and last letter and replace "
                + "the letters between by * # @ - or _ (\"f**k\", \"sh*t\"); false when absent", example = "false")
        Boolean masked,
        @Schema(description = "TERMS: also match regular English inflections (plural, -ed, -ing, -er, -y...), "
                + "compounds and run-together words whose other parts are words of the bundled English list "
                + "(\"shitheads\", \"#fuckoffmedia\"), and common phonetic spellings (\"phuk\"); true when absent",
                example = "true")
        Boolean inflections) {

    /** A rule without the TERMS options added later (exceptions, masked, inflections: their defaults). */
    public RuleRequest(RuleType type, RuleAction action, Boolean enabled, String description, List<String> terms,
                       String pattern, List<Field> fields, Integer maxLinks, List<String> blockedDomains,
                       List<String> allowedDomains, Integer minLength, Double maxUpperCaseRatio,
                       Integer maxRepeatedChars, Boolean holdLinksOnly, List<String> emails, List<String> names,
                       List<String> ips, Integer intervalSeconds) {
        this(type, action, enabled, description, terms, pattern, fields, maxLinks, blockedDomains, allowedDomains,
                minLength, maxUpperCaseRatio, maxRepeatedChars, holdLinksOnly, emails, names, ips, intervalSeconds,
                null, null, null);
    }

    public RuleConfig config() {
        return new RuleConfig(terms, pattern, fields, maxLinks, blockedDomains, allowedDomains, minLength,
                maxUpperCaseRatio, maxRepeatedChars, holdLinksOnly, emails, names, ips, intervalSeconds, exceptions,
                masked, inflections);
    }

    public RuleAction actionOrDefault() {
        return action == null ? RuleAction.HOLD : action;
    }
}
