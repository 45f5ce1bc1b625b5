/**
 * Moderator accounts: the roles, password checks that cost one bcrypt whatever the outcome, the password
 * rules (length, the bundled list of common passwords), the accounts API, the last-admin guard and the
 * first admin from configuration. Neither a password nor its hash is ever logged or returned. Every
 * change of an account is announced as an {@code AccountChanged} event, which {@code signin} observes to
 * end sessions and {@code audit} to write the audit log.
 */
package com.newsroom.comments.moderator;
