package com.newsroom.comments.moderation.engine;

/** What a matching rule does to a comment. SPAM is more severe than HOLD. */
public enum RuleAction { HOLD, SPAM }
