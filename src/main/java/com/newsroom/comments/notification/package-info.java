/**
 * Moderator notifications: the e-mail digest of comments waiting for moderators (held, or with open
 * readers' reports), like WordPress's "Please moderate" e-mail. Promises at most one digest per
 * moderator per {@code comments.digest.interval}, only when a comment began waiting since the last one,
 * sent by exactly one instance (the moderator's {@code moderator_digest} row is locked with
 * {@code SKIP LOCKED} while the mail goes out, and its last-sent time is updated in that transaction).
 * Moderators opt in on their account ({@code moderator}); the mail goes through the Quarkus Mailer.
 * Run by its own scheduler only.
 */
package com.newsroom.comments.notification;
