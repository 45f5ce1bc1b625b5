package com.newsroom.comments.moderation.engine;

/** Identity of a compiled rule, indexed by position in {@link CompiledRules}. */
record RuleMeta(long id, RuleType type, RuleAction action) { }
