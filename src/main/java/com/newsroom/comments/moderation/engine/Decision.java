package com.newsroom.comments.moderation.engine;

/** Outcome of evaluating a submission. */
public enum Decision { APPROVED, PENDING, SPAM }
