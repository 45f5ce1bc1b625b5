package com.newsroom.comments.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsroom.comments.event.EventType;
import com.newsroom.comments.event.OutboxWritten;

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
    private final ObjectMapper json;
    private final Event<OutboxWritten> woken;

    public Deliveries(EntityManager em, ObjectMapper json, Event<OutboxWritten> woken) {
        this.em = em;
        this.json = json;
        this.woken = woken;
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
     * Settings for the fan-out's and the results' transactions: no JIT (see {@link #claim}), and a commit
     * that does not wait for its WAL flush. Safe for at least once: if the database crashes before the
     * flush, a fan-out is lost whole (events and their deliveries: fanned out again) and a result is lost
     * (the delivery is tried again after its lease, and receivers dedupe by event id); a claim commits
     * synchronously, and its flush covers every commit before it, so no claimed delivery can lose the fan-out
     * that made it. This keeps the delivery loop from waiting on two of its three commits per cycle.
     */
    private static final String NO_FLUSH_WAIT = "set_config('synchronous_commit', 'off', true), set_config('jit', 'off', true)";

    /**
     * Creates the deliveries of events not yet fanned out, for every enabled webhook subscribed to their
     * type (webhooks get the events that happen after they are created), and marks the events dispatched.
     * Nothing when another instance is dispatching (it holds the lock).
     */
    @Transactional
    public DeliveryPump.Fanned dispatch(Instant now, Duration retryFor) {
        Object[] lock = (Object[]) em.createNativeQuery("select pg_try_advisory_xact_lock(?1), " + NO_FLUSH_WAIT)
                .setParameter(1, DISPATCH_LOCK).getSingleResult();
        if (!(Boolean) lock[0]) {
            return new DeliveryPump.Fanned(0, 0, false);
        }
        Object[] counts = (Object[]) em.createNativeQuery("""
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
                    returning 1
                ), done as (
                    update outbox_event set dispatched_at = ?2 where seq in (select seq from ev) returning 1
                )
                select (select count(*) from done), (select count(*) from fan)""")
                .setParameter(1, DISPATCH_BATCH).setParameter(2, now).setParameter(3, now.plus(retryFor))
                .getSingleResult();
        int events = ((Number) counts[0]).intValue();
        return new DeliveryPump.Fanned(events, ((Number) counts[1]).intValue(), events == DISPATCH_BATCH);
    }

    /** The claim's settings for its transaction (see {@link #claim}). */
    static final String CLAIM_SETTINGS = "select set_config('enable_sort', 'off', true), set_config('jit', 'off', true)";

    /** The claim: ?1 now, ?2 at most this many, ?3 the lease's end (see {@link #claim}). */
    static final String CLAIM = """
            with due as (
                select c.id from webhook w cross join lateral (
                    select d.id from webhook_delivery d
                    where d.webhook_id = w.id and d.status = 'PENDING' and d.next_attempt_at <= ?1
                      and (d.ordering_key is null or d.event_seq = (select p.event_seq from webhook_delivery p
                          where p.webhook_id = d.webhook_id and p.ordering_key = d.ordering_key and p.status = 'PENDING'
                          order by p.event_seq limit 1))
                    order by d.next_attempt_at
                    limit ?2
                    for update of d skip locked) c
                where w.enabled
                limit ?2
            )
            update webhook_delivery d set next_attempt_at = ?3, attempts = d.attempts + 1, last_attempt_at = ?1
            from due, webhook w, outbox_event e
            where d.id = due.id and w.id = d.webhook_id and e.seq = d.event_seq
            returning d.id, d.webhook_id, cast(d.event_id as text), d.attempts, d.retry_until, w.url, w.secret,
            """ + BODY;

    /**
     * Claims up to {@code max} due deliveries of enabled webhooks for one attempt each: their next attempt
     * moves to {@code leaseUntil}, so if this instance dies mid-delivery another tries again after it. Only
     * the oldest pending delivery of an ordering key is claimed.
     * <p>
     * The cost is that of the rows claimed, not of the backlog, whatever the statistics say: each enabled
     * webhook's due rows are walked in order through the due index (a disabled webhook's are not read), and
     * each candidate's place in its key's queue is the first entry of the order index for its key. Sorting
     * is off for this transaction, so neither can be planned as a sort of every pending row; that also keeps
     * the planner from reading the key's first entry through the due index, as it did on statistics taken
     * with nothing pending (20,000 rows read per candidate: 1 s for a claim of 64). JIT is off: on statistics
     * taken with a backlog, compiling the claim took 140 ms of its 365.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Claimed> claim(int max, Instant now, Instant leaseUntil) {
        em.createNativeQuery(CLAIM_SETTINGS).getSingleResult();
        List<Object[]> rows = em.createNativeQuery(CLAIM).setParameter(1, now).setParameter(2, max).setParameter(3, leaseUntil)
                .getResultList();
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

    /**
     * What one attempt came to, to record: delivered; to be tried again at {@code nextAttempt}; or failed
     * for good ({@code nextAttempt} null and not delivered).
     */
    public record Result(Claimed delivery, WebhookSender.Outcome outcome, Instant at, Instant nextAttempt) {

        boolean delivered() {
            return outcome.delivered();
        }
    }

    /**
     * Records finished attempts, in the order they finished, in one transaction of at most three statements:
     * the deliveries (one {@code UPDATE} over all of them); their webhooks' {@code failing_since} (cleared by a
     * success, set by the first failure after it; only rows that change); and webhooks failing since
     * {@code disableBefore} or earlier disabled.
     */
    @Transactional
    public void record(List<Result> results, Instant disableBefore) {
        if (results.isEmpty()) {
            return;
        }
        em.createNativeQuery("select " + NO_FLUSH_WAIT).getSingleResult();
        List<Map<String, Object>> rows = new ArrayList<>(results.size());
        Map<Long, Failing> webhooks = new LinkedHashMap<>();
        for (Result r : results) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", r.delivery().id());
            row.put("status", r.delivered() ? "DELIVERED" : r.nextAttempt() != null ? "PENDING" : "FAILED");
            row.put("next", (r.nextAttempt() != null ? r.nextAttempt() : r.at()).toString());
            row.put("at", r.at().toString());
            row.put("code", r.outcome().statusCode());
            row.put("error", storable(r.outcome().error(), 500));
            row.put("response", storable(r.outcome().response(), 1000));
            rows.add(row);
            webhooks.computeIfAbsent(r.delivery().webhookId(), id -> new Failing()).add(r);
        }
        em.createNativeQuery("""
                update webhook_delivery d set status = r.status, next_attempt_at = r.next, last_status_code = r.code,
                    last_error = r.error, last_response = r.response,
                    delivered_at = case when r.status = 'DELIVERED' then r.at else d.delivered_at end
                from jsonb_to_recordset(cast(?1 as jsonb))
                    as r(id bigint, status text, next timestamptz, at timestamptz, code int, error text, response text)
                where d.id = r.id""")
                .setParameter(1, json(rows)).executeUpdate();
        List<Map<String, Object>> failing = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        webhooks.forEach((id, f) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", id);
            row.put("since", f.since == null ? null : f.since.toString());
            row.put("reset", f.succeeded);
            failing.add(row);
            if (f.since != null) {
                failed.add(id);
            }
        });
        em.createNativeQuery("""
                update webhook w set failing_since = case when r.since is null then null
                    when r.reset then r.since else coalesce(w.failing_since, r.since) end
                from jsonb_to_recordset(cast(?1 as jsonb)) as r(id bigint, since timestamptz, reset boolean)
                where w.id = r.id and (r.since is not null or w.failing_since is not null)""")
                .setParameter(1, json(failing)).executeUpdate();
        if (!failed.isEmpty()) {
            Instant now = results.get(results.size() - 1).at();
            em.createNativeQuery("""
                    update webhook set enabled = false, disabled_reason = ?1, updated_at = ?2
                    where id in (?3) and enabled and failing_since <= ?4""")
                    .setParameter(1, "Disabled at " + now + ": every delivery failed since " + disableBefore + " or earlier.")
                    .setParameter(2, now).setParameter(3, failed).setParameter(4, disableBefore).executeUpdate();
        }
    }

    /** One webhook's attempts in a batch: since when it fails (null: its last attempt succeeded), and whether one succeeded. */
    private static final class Failing {
        Instant since;
        boolean succeeded;

        void add(Result r) {
            if (r.delivered()) {
                succeeded = true;
                since = null;
            } else if (since == null) {
                since = r.at();
            }
        }
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text PostgreSQL can store (no NUL), at most {@code max} characters. */
    private static String storable(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.indexOf('\u0000') >= 0 ? value.replace("\u0000", "") : value;
        return clean.length() <= max ? clean : clean.substring(0, max);
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
        woken.fire(OutboxWritten.INSTANCE);
        return id.longValue();
    }

    /**
     * A delivered or failed delivery due again now, with a new retry window.
     *
     * @return false when it is still pending (an attempt may be in flight)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean redeliver(long deliveryId, Instant now, Duration retryFor) {
        woken.fire(OutboxWritten.INSTANCE);
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

}
