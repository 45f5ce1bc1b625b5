package com.newsroom.comments.moderation.engine;

/** Kind of moderation rule. */
public enum RuleType {
    TERMS, PATTERN, LINKS, SHOUTING, AUTHORS,
    /** Rate limit per author (429); evaluated by the service, which needs the database for it. */
    FLOOD,
    /** Same text twice from one author on one article (409); evaluated by the service. */
    DUPLICATES,
    /** Holds an author's first comment until a moderator approved one; evaluated by the service. */
    FIRST_COMMENT;

    /** Whether the engine evaluates this type; the others need the database and live in the service. */
    public boolean isEngineRule() {
        return ordinal() <= AUTHORS.ordinal();
    }
}
