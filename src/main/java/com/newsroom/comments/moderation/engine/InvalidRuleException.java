package com.newsroom.comments.moderation.engine;

/** A rule definition that cannot be compiled; {@link #field()} names the offending config field. */
public final class InvalidRuleException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String reason;

    public InvalidRuleException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
        this.reason = message;
    }

    public String field() {
        return field;
    }

    /** What is wrong, without the field name. */
    public String reason() {
        return reason;
    }
}
