package com.newsroom.comments.moderation.rule;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.newsroom.comments.moderation.engine.Field;
import com.newsroom.comments.moderation.engine.RuleAction;
import com.newsroom.comments.moderation.engine.RuleConfig;
import com.newsroom.comments.moderation.engine.RuleType;

/** A rule as moderators write it: common fields, then the fields of its type. */
@Schema(name = "RuleRequest", description = """
        A moderation rule. Fields by type: TERMS: terms (a trailing * allows prefixes), fields; \
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
        @Schema(example = "15") Integer intervalSeconds) {

    public RuleConfig config() {
        return new RuleConfig(terms, pattern, fields, maxLinks, blockedDomains, allowedDomains, minLength,
                maxUpperCaseRatio, maxRepeatedChars, holdLinksOnly, emails, names, ips, intervalSeconds);
    }

    public RuleAction actionOrDefault() {
        return action == null ? RuleAction.HOLD : action;
    }
}
