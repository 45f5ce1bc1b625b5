package com.newsroom.comments.moderation.engine;

/** Submission fields a rule can inspect. */
public enum Field { NAME, TEXT, EMAIL, WEBSITE, IP }
