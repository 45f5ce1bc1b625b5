package com.newsroom.comments.moderation.engine;

/** A comment to evaluate. Any field may be null. */
public record Submission(String name, String text, String email, String website, String ip) { }
