package com.newsroom.comments.moderator;

/**
 * Fired synchronously, inside the transaction that changed the account, whenever a password, role or
 * enabled flag changes, an account is deleted or an admin signs a moderator out everywhere; the sign-in
 * code observes it to end sessions and forget verified credentials.
 *
 * @param actor who made the change (the moderator themselves for a password change of their own)
 */
public record AccountChanged(String username, String actor, Change change) {

    public enum Change {
        PASSWORD, ROLE, ENABLED, DISABLED, DELETED, SIGNED_OUT_EVERYWHERE;

        /** Whether the moderator's sessions and remembered credentials end with this change. */
        public boolean endsSessions() {
            return this == PASSWORD || this == DISABLED || this == DELETED || this == SIGNED_OUT_EVERYWHERE;
        }
    }
}
