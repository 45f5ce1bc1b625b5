package com.newsroom.comments.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.report.ReportDesk;
import com.newsroom.comments.report.ReportSummary;

/**
 * The comments waiting for moderators: held ones ({@code PENDING}) and ones with open readers' reports,
 * with when each began waiting (held: created or last held by a moderator; reported: the latest open
 * report), the most recent first.
 */
@ApplicationScoped
public class WaitingComments {

    /** ?1: most rows; ?2: "new" means waiting since after this. Each row: id, total, new. */
    static final String WAITING = """
            with ids as (
                select id from comment where status = 'PENDING'
                union
                select comment_id from comment_report where resolved_at is null
            ), waiting as (
                select c.id, greatest(case when c.status = 'PENDING' then coalesce(c.moderated_at, c.created_at) end,
                    (select max(r.created_at) from comment_report r where r.comment_id = c.id and r.resolved_at is null)) as since
                from ids join comment c on c.id = ids.id
            )
            select id, count(*) over (), count(*) filter (where since > ?2) over (), since from waiting
            order by since desc, id desc
            limit ?1""";

    /** At most {@code max} of the waiting comments, how many wait in all and how many are new. */
    public record Waiting(List<Listed> listed, long total, long newCount) {
    }

    /** A listed comment with its open reports (null: none) and whether it is new. */
    public record Listed(Comment comment, ReportSummary reports, boolean fresh) {
    }

    private final EntityManager em;
    private final ReportDesk reports;

    public WaitingComments(EntityManager em, ReportDesk reports) {
        this.em = em;
        this.reports = reports;
    }

    /** Inside the caller's transaction. */
    @SuppressWarnings("unchecked")
    public Waiting list(int max, Instant newSince) {
        List<Object[]> rows = em.createNativeQuery(WAITING).setParameter(1, max).setParameter(2, newSince).getResultList();
        if (rows.isEmpty()) {
            return new Waiting(List.of(), 0, 0);
        }
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
        Map<Long, Comment> comments = em.createQuery(
                "select distinct c from Comment c left join fetch c.reasons where c.id in :ids", Comment.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        Map<Long, ReportSummary> open = reports.openSummaries(ids);
        List<Listed> listed = rows.stream().filter(r -> comments.containsKey(((Number) r[0]).longValue()))
                .map(r -> {
                    long id = ((Number) r[0]).longValue();
                    return new Listed(comments.get(id), open.get(id), Times.instant(r[3]).isAfter(newSince));
                }).toList();
        return new Waiting(listed, ((Number) rows.get(0)[1]).longValue(), ((Number) rows.get(0)[2]).longValue());
    }
}
