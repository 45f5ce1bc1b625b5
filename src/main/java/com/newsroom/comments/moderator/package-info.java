/**
 * Moderator accounts: the roles, password checks that cost one bcrypt whatever the outcome, the password
 * rules (length, the bundled list of common passwords), the accounts API, the last-admin guard and the
 * first admin from configuration. Neither a password nor its hash is ever logged or returned. Changes
 * that end sessions are announced as {@code AccountChanged} events, which {@code signin} observes.
 */
package com.newsroom.comments.moderator;
