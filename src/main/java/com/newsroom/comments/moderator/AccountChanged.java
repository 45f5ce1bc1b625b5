package com.newsroom.comments.moderator;

/**
 * Fired synchronously, inside the transaction that changed the account, whenever an account is created, its
 * password, role or enabled flag changes, it is deleted or an admin signs a moderator out everywhere; the
 * sign-in code observes it to end sessions and forget verified credentials, the audit log to record it.
 *
 * @param actor who made the change (the moderator themselves for a password change of their own)
 * @param detail what changed, in words for the audit log ("moderator → admin"), or null
 */
public record AccountChanged(String username, String actor, Change change, String detail) {

    public AccountChanged(String username, String actor, Change change) {
        this(username, actor, change, null);
    }

    public enum Change {
        CREATED, PASSWORD, ROLE, ENABLED, DISABLED, DELETED, SIGNED_OUT_EVERYWHERE;

        /** Whether the moderator's sessions and remembered credentials end with this change. */
        public boolean endsSessions() {
            return this == PASSWORD || this == DISABLED || this == DELETED || this == SIGNED_OUT_EVERYWHERE;
        }
    }
}
