/**
 * Moderator sign-in: sessions (a cookie whose token's hash is kept in PostgreSQL, so sign-out and
 * revocation reach every instance), HTTP Basic for scripts with verified credentials remembered as keyed
 * hashes, throttling of failed sign-ins per address and per account before any bcrypt, the cross-site
 * check for cookie-authenticated changes, password changes, and the sign-in entries of the audit log.
 * Quarkus's HTTP security calls its mechanism and identity providers; the moderation page calls its API.
 * Accounts and passwords themselves belong to {@code moderator}.
 */
package com.newsroom.comments.signin;
