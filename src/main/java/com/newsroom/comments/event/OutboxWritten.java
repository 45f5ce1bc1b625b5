package com.newsroom.comments.event;

/**
 * Fired when events were written to the outbox: by {@link Outbox} inside the writing transaction, by the
 * comment writer after its batch committed, and by the webhooks' ping and redelivery (a delivery due now). Observed after a successful commit by this instance's
 * webhook delivery, which then fans the events out at once instead of at its next poll. Carries nothing:
 * the outbox table is the only record of what was written.
 */
public record OutboxWritten() {

    public static final OutboxWritten INSTANCE = new OutboxWritten();
}
