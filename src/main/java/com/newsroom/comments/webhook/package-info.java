/**
 * Webhooks: the admin API (create with a secret shown once, read, replace, delete, test ping, deliveries,
 * redelivery) and the delivery of the outbox's events ({@code event}) signed as Standard Webhooks. Each
 * delivery is attempted by one instance at a time, at least once, in event order per comment and per
 * article, with retries for {@code comments.webhooks.retry-for}; URLs are checked against private
 * networks when saved and before every attempt. Called by admins over HTTP; delivers on a thread of its
 * own, woken by {@code event.OutboxWritten} after a commit and by its poll.
 */
package com.newsroom.comments.webhook;
