package com.newsroom.comments.event;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Writes events to the outbox table in the caller's transaction: an event exists if and only if its
 * change committed. Each payload is built by PostgreSQL from the rows the change left (one statement, no
 * entity loaded); a comment's payload has one shape wherever it is written ({@link #commentJson}).
 * The author's e-mail and address go under {@code author}, which deliveries drop unless the webhook
 * includes personal data and erasure removes from stored events. Each write fires {@link OutboxWritten}
 * in the transaction, so that delivery wakes once it commits.
 */
@ApplicationScoped
public class Outbox {

    /** The columns of {@code comment} that {@link #commentJson} reads. */
    public static final String COMMENT_COLUMNS = "id, article_id, parent_id, name, email, website, text, status, ip_address, created_at";

    /** The columns of {@code comment_reason} that {@link #commentJson} reads. */
    public static final String REASON_COLUMNS = "comment_id, position, rule_id, rule_type, field, action, detail";

    private static final String INSERT = "insert into outbox_event (type, ordering_key, payload, occurred_at)\n";

    /**
     * The advisory lock (transaction-scoped) that orders the comment write path's {@code comment.created}
     * events against changes of webhooks, on every instance: the write path writes those events only when
     * an enabled webhook subscribes to them ({@link #CREATED_WANTED}), so a webhook must not be created or
     * enabled between that check and the batch's commit. The write path holds it shared from its first
     * statement ({@link #LOCK_SHARED}) and checks in a later statement, whose snapshot is taken once the lock
     * is granted; a webhook's creation or change holds it exclusively ({@link #lockSubscriptions}) until it
     * commits. So either the batch commits before the webhook does, or it sees the webhook: every batch that
     * commits after a webhook's creation was committed (and so acknowledged) writes its events.
     */
    static final long SUBSCRIPTIONS_LOCK = 0x77656273L;

    /** A webhook change's hold of {@link #SUBSCRIPTIONS_LOCK} ({@link #lockSubscriptions}). */
    public static final String LOCK_EXCLUSIVE = "select count(*) from pg_advisory_xact_lock(" + SUBSCRIPTIONS_LOCK + ")";

    /** The write path's share of {@link #SUBSCRIPTIONS_LOCK}: the first statement of its transaction. */
    public static final String LOCK_SHARED = "select pg_advisory_xact_lock_shared(" + SUBSCRIPTIONS_LOCK + ")";

    /**
     * Whether an enabled webhook subscribes to {@code comment.created}: one boolean, after {@link #LOCK_SHARED}
     * in the same transaction. With none, the write path writes no event (a row, its indexes, and the
     * dispatcher's update of it, for every comment, with no one to deliver them to).
     */
    public static final String CREATED_WANTED = "select exists (select 1 from webhook where enabled and '"
            + EventType.COMMENT_CREATED.wireName + "' = any(string_to_array(events, ',')))";

    private final EntityManager em;
    private final Event<OutboxWritten> written;

    public Outbox(EntityManager em, Event<OutboxWritten> written) {
        this.em = em;
        this.written = written;
    }

    /** An instant as JSON text in UTC with microseconds ({@code 2026-12-05T06:43:27.123456Z}). */
    private static String time(String column) {
        return "to_char(" + column + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
    }

    /**
     * The payload of a comment event: {@code {"comment": {...}, "moderator": ..., "author": {...}}}.
     *
     * @param c the alias of a row with {@link #COMMENT_COLUMNS}
     * @param reasons a relation with {@link #REASON_COLUMNS} (the comment's moderation reasons)
     * @param moderator an SQL expression of the acting moderator (null for a reader's submission)
     */
    static String commentJson(String c, String reasons, String moderator) {
        return "jsonb_build_object('comment', jsonb_build_object('id', " + c + ".id, 'articleId', " + c + ".article_id,"
                + " 'parentId', " + c + ".parent_id, 'name', " + c + ".name, 'website', " + c + ".website,"
                + " 'text', " + c + ".text, 'status', " + c + ".status, 'createdAt', " + time(c + ".created_at") + ","
                + " 'reasons', coalesce((select jsonb_agg(jsonb_build_object('ruleId', r.rule_id, 'ruleType', r.rule_type,"
                + " 'field', r.field, 'action', r.action, 'detail', r.detail) order by r.position) from " + reasons
                + " r where r.comment_id = " + c + ".id), '[]'::jsonb)),"
                + " 'moderator', " + moderator + ","
                + " 'author', jsonb_build_object('email', " + c + ".email, 'ipAddress', " + c + ".ip_address))";
    }

    /**
     * One {@code comment.created} event per row of {@code comments}, for the comment write path's batch
     * statement (a data-modifying {@code WITH} part over the rows its inserts return); none when its one
     * boolean parameter is false (what {@link #CREATED_WANTED} answered in the same transaction).
     *
     * @param comments a relation with {@link #COMMENT_COLUMNS}
     * @param reasons a relation with {@link #REASON_COLUMNS}
     */
    public static String insertCreated(String comments, String reasons) {
        return INSERT + "select '" + EventType.COMMENT_CREATED.wireName + "', 'comment:' || c.id, "
                + commentJson("c", reasons, "null::text") + ", c.created_at from " + comments + " c where ?::boolean order by c.id";
    }

    /**
     * Takes {@link #SUBSCRIPTIONS_LOCK} exclusively until the transaction ends: call it in every transaction
     * that creates a webhook or may enable one or subscribe it to more events, before it commits. It waits
     * for the comment batches in progress (milliseconds).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockSubscriptions() {
        em.createNativeQuery(LOCK_EXCLUSIVE).getSingleResult();
    }

    /** One event of {@code type} per comment, as the comments are now (call after the change is flushed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void comments(EventType type, Collection<Long> ids, String moderator, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        em.flush();
        em.createNativeQuery(INSERT + "select ?1, 'comment:' || c.id, " + commentJson("c", "comment_reason", "cast(?2 as text)")
                + ", ?3 from comment c where c.id in (?4) order by c.id")
                .setParameter(1, type.wireName).setParameter(2, moderator).setParameter(3, at).setParameter(4, ids)
                .executeUpdate();
        written.fire(OutboxWritten.INSTANCE);
    }

    /**
     * A {@code comment.reported} event: the comment as it is now (back in the queue when the reports hid
     * it) and the report's reason, never the reporter.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reported(long commentId, String reason, boolean hidden, Instant at) {
        em.flush();
        em.createNativeQuery(INSERT + "select ?1, 'comment:' || c.id, " + commentJson("c", "comment_reason", "null::text")
                + " || jsonb_build_object('report', jsonb_build_object('reason', cast(?2 as text), 'hidden', ?3)), ?4"
                + " from comment c where c.id = ?5")
                .setParameter(1, EventType.COMMENT_REPORTED.wireName).setParameter(2, reason).setParameter(3, hidden)
                .setParameter(4, at).setParameter(5, commentId).executeUpdate();
        written.fire(OutboxWritten.INSTANCE);
    }

    /** An {@code article.updated} event with the article's settings as they are now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void articleUpdated(String articleId, String moderator, Instant at) {
        em.flush();
        em.createNativeQuery(INSERT + "select ?1, 'article:' || a.id, jsonb_build_object('article', jsonb_build_object("
                + "'id', a.id, 'commentsOpen', a.comments_open, 'closesAt', " + time("a.closes_at")
                + ", 'closeAfterDays', a.close_after_days, 'premoderate', a.premoderate, 'publishedAt', "
                + time("a.published_at") + "), 'moderator', cast(?2 as text)), ?3 from article a where a.id = ?4")
                .setParameter(1, EventType.ARTICLE_UPDATED.wireName).setParameter(2, moderator).setParameter(3, at)
                .setParameter(4, articleId).executeUpdate();
        written.fire(OutboxWritten.INSTANCE);
    }

    /**
     * An {@code author.erased} event listing the erased comments, and the author's e-mail and address
     * removed from every stored event of those comments (delivered or not).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void authorErased(String email, List<Long> commentIds, String moderator, Instant at) {
        if (!commentIds.isEmpty()) {
            em.createNativeQuery("update outbox_event set payload = payload - 'author' where ordering_key in (?1)")
                    .setParameter(1, commentIds.stream().map(id -> "comment:" + id).toList()).executeUpdate();
        }
        em.createNativeQuery(INSERT + "select ?1, null, jsonb_build_object('commentIds', cast(?2 as jsonb), "
                + "'moderator', cast(?3 as text), 'author', jsonb_build_object('email', cast(?4 as text))), ?5")
                .setParameter(1, EventType.AUTHOR_ERASED.wireName)
                .setParameter(2, commentIds.toString()).setParameter(3, moderator).setParameter(4, email)
                .setParameter(5, at).executeUpdate();
        written.fire(OutboxWritten.INSTANCE);
    }
}
