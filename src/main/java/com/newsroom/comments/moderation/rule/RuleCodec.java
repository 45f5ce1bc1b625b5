package com.newsroom.comments.moderation.rule;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsroom.comments.moderation.engine.Field;
import com.newsroom.comments.moderation.engine.RuleConfig;
import com.newsroom.comments.moderation.engine.RuleDefinition;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Reads and writes a rule's settings as the JSON text stored in moderation_rule.config. The engine's
 * settings types are registered for reflection here, where Jackson reads them: the engine knows no Quarkus.
 */
@ApplicationScoped
@RegisterForReflection(targets = { RuleConfig.class, Field.class })
public class RuleCodec {

    private final ObjectMapper json;

    public RuleCodec(ObjectMapper objectMapper) {
        this.json = objectMapper.copy()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public String write(RuleConfig config) {
        try {
            return json.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A rule configuration is always serialisable", e);
        }
    }

    public RuleConfig read(String config) {
        try {
            return json.readValue(config, RuleConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored rule configuration is not valid JSON", e);
        }
    }

    public RuleDefinition definition(Rule rule) {
        return new RuleDefinition(rule.id, rule.type, rule.action, read(rule.config));
    }

    public RuleView view(Rule rule) {
        return RuleView.of(rule, read(rule.config));
    }
}
