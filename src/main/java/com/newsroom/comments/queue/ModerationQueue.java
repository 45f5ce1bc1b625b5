package com.newsroom.comments.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.newsroom.comments.audit.AuditLog;
import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.comment.CommentRepository;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.common.PagedList;
import com.newsroom.comments.problem.ApiException;
import com.newsroom.comments.report.ReportDesk;
import com.newsroom.comments.report.ReportStats;
import com.newsroom.comments.report.ReportSummary;


/** The read side of the moderator workspace: the queue, one comment with its history, the counts. */
@ApplicationScoped
public class ModerationQueue {

    static final int STATS_ARTICLES = 100;
    static final int DETAIL_REPLIES = 50;
    static final int DETAIL_AUTHOR_COMMENTS = 20;

    private final CommentRepository comments;
    private final AuditLog audit;
    private final EntityManager em;
    private final ReportDesk reports;

    public ModerationQueue(CommentRepository comments, AuditLog audit, EntityManager em, ReportDesk reports) {
        this.reports = reports;
        this.comments = comments;
        this.audit = audit;
        this.em = em;
    }

    /** How the queue is sorted. */
    public enum Order {
        OLDEST, NEWEST,
        /** Most open reports first, then oldest first. */
        REPORTS
    }

    /** Queue filters; null fields do not filter. {@code reported}: only comments with open reports. */
    public record Filter(CommentStatus status, String articleId, String email, String ip, String text, Instant from,
            Instant to, boolean reported, Order order) {
    }

    /** The open reports of the comment {@code c}, in HQL. */
    private static final String OPEN_REPORTS = "(select count(r) from Report r where r.commentId = c.id and r.resolvedAt is null)";

    public PagedList<ModeratedComment> search(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.add("c.status = :status");
            params.put("status", filter.status());
        }
        if (filter.articleId() != null) {
            where.add("c.articleId = :articleId");
            params.put("articleId", filter.articleId());
        }
        if (filter.email() != null) {
            where.add("c.email = :email");
            params.put("email", filter.email().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.ip() != null) {
            where.add("c.ipAddress = :ip");
            params.put("ip", filter.ip().strip());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("(lower(c.text) like :text escape '!' or lower(c.name) like :text escape '!')");
            params.put("text", "%" + likeEscape(filter.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.from() != null) {
            where.add("c.createdAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("c.createdAt < :to");
            params.put("to", filter.to());
        }
        if (filter.reported()) {
            where.add(OPEN_REPORTS + " > 0");
        }
        String from = " from Comment c" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        String order = switch (filter.order()) {
            case OLDEST -> " order by c.createdAt, c.id";
            case NEWEST -> " order by c.createdAt desc, c.id desc";
            case REPORTS -> " order by " + OPEN_REPORTS + " desc, c.createdAt, c.id";
        };
        var select = em.createQuery("select c" + from + order, Comment.class);
        var count = em.createQuery("select count(c)" + from, Long.class);
        params.forEach((name, value) -> {
            select.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<Comment> found = select.setFirstResult(page * size).setMaxResults(size).getResultList();
        Map<Long, ReportSummary> open = reports.openSummaries(found.stream().map(c -> c.id).toList());
        List<ModeratedComment> items = found.stream()
                .map(c -> ModeratedComment.of(c).withReports(open.get(c.id))).toList();
        return new PagedList<>(items, page, size, count.getSingleResult());
    }

    public ModeratedComment detail(long id) {
        Comment comment = comments.findById(id);
        if (comment == null) {
            throw ApiException.notFound("There is no comment " + id + ".");
        }
        Comment parent = comment.parentId == null ? null : comments.findById(comment.parentId);
        return ModeratedComment.of(comment, parent, audit.forComment(id))
                .withReports(reports.openSummaries(List.of(id)).get(id))
                .withContext(replies(id), author(comment));
    }

    private List<ModeratedComment.RelatedComment> replies(long id) {
        return em.createQuery("select c from Comment c where c.parentId = ?1 order by c.createdAt, c.id", Comment.class)
                .setParameter(1, id).setMaxResults(DETAIL_REPLIES).getResultList().stream()
                .map(ModeratedComment.RelatedComment::of).toList();
    }

    /** The author's comments by e-mail, else by IP address (both indexed); null when the comment has neither. */
    private ModeratedComment.AuthorActivity author(Comment comment) {
        String by = comment.email != null ? "email" : comment.ipAddress != null ? "ip" : null;
        if (by == null) {
            return null;
        }
        String column = by.equals("email") ? "c.email" : "c.ipAddress";
        String value = by.equals("email") ? comment.email : comment.ipAddress;
        Map<String, Long> counts = new LinkedHashMap<>();
        emptyCounts().forEach((status, n) -> counts.put(status.name(), n));
        em.createQuery("select c.status, count(c) from Comment c where " + column + " = ?1 group by c.status", Object[].class)
                .setParameter(1, value).getResultList()
                .forEach(row -> counts.put(((CommentStatus) row[0]).name(), ((Number) row[1]).longValue()));
        List<ModeratedComment.RelatedComment> others = em.createQuery("select c from Comment c where " + column
                + " = ?1 and c.id <> ?2 order by c.createdAt desc, c.id desc", Comment.class)
                .setParameter(1, value).setParameter(2, comment.id).setMaxResults(DETAIL_AUTHOR_COMMENTS).getResultList()
                .stream().map(ModeratedComment.RelatedComment::of).toList();
        return new ModeratedComment.AuthorActivity(by, counts, others);
    }

    @Schema(name = "ModerationStats")
    public record Stats(Map<CommentStatus, Long> total,
            @Schema(description = "Per article, the 100 with the most pending comments first") List<ArticleStats> articles,
            @Schema(description = "Readers' reports, overall or for the one article") ReportStats reports) {
    }

    @Schema(name = "ArticleStats")
    public record ArticleStats(String articleId, Map<CommentStatus, Long> counts) {
    }

    public Stats stats(String articleId) {
        String where = articleId == null ? "" : " where c.articleId = :articleId";
        var query = em.createQuery("select c.articleId, c.status, count(c) from Comment c" + where
                + " group by c.articleId, c.status", Object[].class);
        if (articleId != null) {
            query.setParameter("articleId", articleId);
        }
        Map<CommentStatus, Long> total = emptyCounts();
        Map<String, Map<CommentStatus, Long>> perArticle = new LinkedHashMap<>();
        for (Object[] row : query.getResultList()) {
            CommentStatus status = (CommentStatus) row[1];
            long count = ((Number) row[2]).longValue();
            total.merge(status, count, Long::sum);
            perArticle.computeIfAbsent((String) row[0], k -> emptyCounts()).merge(status, count, Long::sum);
        }
        List<ArticleStats> articles = perArticle.entrySet().stream()
                .map(e -> new ArticleStats(e.getKey(), e.getValue()))
                .sorted((a, b) -> Long.compare(b.counts().get(CommentStatus.PENDING), a.counts().get(CommentStatus.PENDING)))
                .limit(STATS_ARTICLES).toList();
        return new Stats(total, articles, reports.stats(articleId));
    }

    private static Map<CommentStatus, Long> emptyCounts() {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, 0L);
        }
        return counts;
    }

    private static String likeEscape(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
