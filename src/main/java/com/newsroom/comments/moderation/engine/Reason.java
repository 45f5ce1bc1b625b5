package com.newsroom.comments.moderation.engine;

/**
 * Why a rule fired. {@code match} is the substring of the ORIGINAL field value and
 * {@code start}/{@code end} are UTF-16 offsets into it (end exclusive).
 */
public record Reason(Long ruleId, RuleType type, Field field, String match, int start, int end,
                     RuleAction action, String detail) { }
