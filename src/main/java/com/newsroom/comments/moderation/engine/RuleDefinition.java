package com.newsroom.comments.moderation.engine;

/** One enabled rule as stored by the service. */
public record RuleDefinition(long id, RuleType type, RuleAction action, RuleConfig config) { }
