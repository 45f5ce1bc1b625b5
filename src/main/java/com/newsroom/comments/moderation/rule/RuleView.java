package com.newsroom.comments.moderation.rule;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.newsroom.comments.moderation.engine.Field;
import com.newsroom.comments.moderation.engine.RuleAction;
import com.newsroom.comments.moderation.engine.RuleConfig;
import com.newsroom.comments.moderation.engine.RuleType;

/** A stored rule: its request fields plus id and metadata. Fields that do not apply are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Rule")
public record RuleView(
        @Schema(example = "1000") long id,
        RuleType type,
        RuleAction action,
        boolean enabled,
        String description,
        List<String> terms,
        String pattern,
        List<Field> fields,
        Integer maxLinks,
        List<String> blockedDomains,
        List<String> allowedDomains,
        Integer minLength,
        Double maxUpperCaseRatio,
        Integer maxRepeatedChars,
        Boolean holdLinksOnly,
        List<String> emails,
        List<String> names,
        List<String> ips,
        Integer intervalSeconds,
        List<String> exceptions,
        Boolean masked,
        Boolean inflections,
        Instant createdAt,
        Instant updatedAt,
        String createdBy,
        String updatedBy,
        @Schema(description = "Optimistic-lock version") long version) {

    static RuleView of(Rule rule, RuleConfig c) {
        return new RuleView(rule.id, rule.type, rule.action, rule.enabled, rule.description, c.terms(), c.pattern(),
                c.fields(), c.maxLinks(), c.blockedDomains(), c.allowedDomains(), c.minLength(),
                c.maxUpperCaseRatio(), c.maxRepeatedChars(), c.holdLinksOnly(), c.emails(), c.names(), c.ips(),
                c.intervalSeconds(), c.exceptions(), c.masked(), c.inflections(), rule.createdAt, rule.updatedAt, rule.createdBy, rule.updatedBy, rule.version);
    }
}
