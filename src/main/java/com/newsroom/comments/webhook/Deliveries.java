package com.newsroom.comments.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.newsroom.comments.event.EventType;

/**
 * The delivery queue's SQL: fanning events out of the outbox into deliveries, claiming due deliveries
 * (each by one instance, {@code FOR UPDATE SKIP LOCKED}, then a lease), and recording attempts. A
 * delivery waits while an earlier delivery of the same ordering key (one comment, one article) to the
 * same webhook is pending, so each webhook gets a comment's events in the order they happened.
 */
@ApplicationScoped
public class Deliveries {

    /** Fans out at most this many events per call. */
    static final int DISPATCH_BATCH = 1000;
    /** The advisory lock that lets one instance fan out at a time, so deliveries are created in event order. */
    static final long DISPATCH_LOCK = 0x77656268L;

    /** A claimed delivery with what its attempt needs; {@code body} is the exact JSON to sign and send. */
    public record Claimed(long id, long webhookId, String eventId, int attempts, Instant retryUntil, String url,
            String secret, String body) {
    }

    private final EntityManager em;

    public Deliveries(EntityManager em) {
        this.em = em;
    }

    /**
     * The body of an event for a webhook: Standard Webhooks' {@code {"type", "timestamp", "data"}}, with the
     * event id, and without the author's personal data unless the webhook includes it.
     */
    private static final String BODY = """
            jsonb_build_object('id', e.event_id, 'type', e.type,
                'timestamp', to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                'data', case when w.include_personal_data then e.payload else e.payload - 'author' end)::text""";

    /**
     * Creates the deliveries of events not yet fanned out, for every enabled webhook subscribed to their
     * type (webhooks get the events that happen after they are created), and marks the events dispatched.
     *
     * @return events dispatched, or -1 when another instance is dispatching
     */
    @Transactional
    public int dispatch(Instant now, Duration retryFor) {
        boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, DISPATCH_LOCK).getSingleResult();
        if (!locked) {
            return -1;
        }
        return em.createNativeQuery("""
                with ev as (
                    select seq, event_id, type, ordering_key, occurred_at from outbox_event
                    where dispatched_at is null order by seq limit ?1
                ), fan as (
                    insert into webhook_delivery (webhook_id, event_seq, event_id, event_type, ordering_key, status,
                        attempts, next_attempt_at, retry_until, created_at)
                    select w.id, ev.seq, ev.event_id, ev.type, ev.ordering_key, 'PENDING', 0, ?2, ?3, ?2
                    from ev join webhook w on w.enabled and w.created_at <= ev.occurred_at
                        and ev.type = any(string_to_array(w.events, ','))
                    order by ev.seq, w.id
                )
                update outbox_event set dispatched_at = ?2 where seq in (select seq from ev)""")
                .setParameter(1, DISPATCH_BATCH).setParameter(2, now).setParameter(3, now.plus(retryFor))
                .executeUpdate();
    }

    /**
     * Claims up to {@code max} due deliveries of enabled webhooks for one attempt each: their next attempt
     * moves to {@code leaseUntil}, so if this instance dies mid-delivery another tries again after it.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Claimed> claim(int max, Instant now, Instant leaseUntil) {
        List<Object[]> rows = em.createNativeQuery("""
                with due as (
                    select d.id from webhook_delivery d join webhook w on w.id = d.webhook_id and w.enabled
                    where d.status = 'PENDING' and d.next_attempt_at <= ?1
                      and not exists (select 1 from webhook_delivery p where p.webhook_id = d.webhook_id
                          and p.ordering_key = d.ordering_key and p.status = 'PENDING' and p.event_seq < d.event_seq)
                    order by d.next_attempt_at, d.id
                    limit ?2
                    for update of d skip locked
                )
                update webhook_delivery d set next_attempt_at = ?3, attempts = d.attempts + 1, last_attempt_at = ?1
                from due, webhook w, outbox_event e
                where d.id = due.id and w.id = d.webhook_id and e.seq = d.event_seq
                returning d.id, d.webhook_id, cast(d.event_id as text), d.attempts, d.retry_until, w.url, w.secret,
                """ + BODY).setParameter(1, now).setParameter(2, max).setParameter(3, leaseUntil).getResultList();
        return rows.stream().map(r -> new Claimed(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                ((Number) r[3]).intValue(), instant(r[4]), (String) r[5], (String) r[6], (String) r[7])).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** The attempt succeeded: the delivery is done and the webhook no longer failing. */
    @Transactional
    public void delivered(Claimed delivery, WebhookSender.Outcome outcome, Instant now) {
        em.createNativeQuery("""
                update webhook_delivery set status = 'DELIVERED', delivered_at = ?1, last_status_code = ?2,
                    last_error = null, last_response = ?3 where id = ?4""")
                .setParameter(1, now).setParameter(2, outcome.statusCode()).setParameter(3, outcome.response())
                .setParameter(4, delivery.id()).executeUpdate();
        em.createNativeQuery("update webhook set failing_since = null where id = ?1 and failing_since is not null")
                .setParameter(1, delivery.webhookId()).executeUpdate();
    }

    /**
     * The attempt failed: tried again at {@code nextAttempt}, or marked failed when that is past its retry
     * window. A webhook failing since {@code disableBefore} or earlier is disabled.
     *
     * @return whether the delivery is now failed for good
     */
    @Transactional
    public boolean failed(Claimed delivery, WebhookSender.Outcome outcome, Instant now, Instant nextAttempt,
            Instant disableBefore) {
        boolean giveUp = nextAttempt.isAfter(delivery.retryUntil());
        em.createNativeQuery("""
                update webhook_delivery set status = ?1, next_attempt_at = ?2, last_status_code = ?3,
                    last_error = ?4, last_response = ?5 where id = ?6""")
                .setParameter(1, giveUp ? "FAILED" : "PENDING").setParameter(2, giveUp ? now : nextAttempt)
                .setParameter(3, outcome.statusCode()).setParameter(4, truncate(outcome.error(), 500))
                .setParameter(5, outcome.response()).setParameter(6, delivery.id()).executeUpdate();
        em.createNativeQuery("update webhook set failing_since = coalesce(failing_since, ?1) where id = ?2")
                .setParameter(1, now).setParameter(2, delivery.webhookId()).executeUpdate();
        em.createNativeQuery("""
                update webhook set enabled = false, disabled_reason = ?1, updated_at = ?2
                where id = ?3 and enabled and failing_since <= ?4""")
                .setParameter(1, "Disabled at " + now + ": every delivery failed since " + disableBefore + " or earlier.")
                .setParameter(2, now).setParameter(3, delivery.webhookId()).setParameter(4, disableBefore).executeUpdate();
        return giveUp;
    }

    /** A ping event for one webhook and its delivery, due now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long ping(long webhookId, Instant now, Duration retryFor) {
        Number id = (Number) em.createNativeQuery("""
                with ev as (
                    insert into outbox_event (type, ordering_key, payload, occurred_at, dispatched_at)
                    values (?1, null, jsonb_build_object('webhookId', ?2), ?3, ?3)
                    returning seq, event_id, type
                )
                insert into webhook_delivery (webhook_id, event_seq, event_id, event_type, ordering_key, status,
                    attempts, next_attempt_at, retry_until, created_at)
                select ?2, seq, event_id, type, null, 'PENDING', 0, ?3, ?4, ?3 from ev
                returning id""")
                .setParameter(1, EventType.PING.wireName).setParameter(2, webhookId).setParameter(3, now)
                .setParameter(4, now.plus(retryFor)).getSingleResult();
        return id.longValue();
    }

    /**
     * A delivered or failed delivery due again now, with a new retry window.
     *
     * @return false when it is still pending (an attempt may be in flight)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean redeliver(long deliveryId, Instant now, Duration retryFor) {
        return em.createNativeQuery("""
                update webhook_delivery set status = 'PENDING', next_attempt_at = ?1, retry_until = ?2
                where id = ?3 and status <> 'PENDING'""")
                .setParameter(1, now).setParameter(2, now.plus(retryFor)).setParameter(3, deliveryId)
                .executeUpdate() == 1;
    }

    /**
     * Removes up to {@code max} events fanned out before {@code cutoff}, oldest first, with their
     * deliveries, unless one of those is still pending.
     *
     * @return events removed
     */
    @Transactional
    public int purge(Instant cutoff, int max) {
        return em.createNativeQuery("""
                delete from outbox_event e where e.seq in (
                    select o.seq from outbox_event o where o.dispatched_at < ?1
                      and not exists (select 1 from webhook_delivery d where d.event_seq = o.seq and d.status = 'PENDING')
                    order by o.seq limit ?2)""")
                .setParameter(1, cutoff).setParameter(2, max).executeUpdate();
    }

    /** Undispatched events and pending deliveries, and the age in seconds of the oldest of them. */
    @Transactional
    public Object[] backlog(Instant now) {
        return (Object[]) em.createNativeQuery("""
                select (select count(*) from outbox_event where dispatched_at is null)
                     + (select count(*) from webhook_delivery where status = 'PENDING'),
                       extract(epoch from ?1 - least(
                           (select min(occurred_at) from outbox_event where dispatched_at is null),
                           (select min(created_at) from webhook_delivery where status = 'PENDING')))""")
                .setParameter(1, now).getSingleResult();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
