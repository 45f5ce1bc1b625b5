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

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** The read side of the moderator workspace: the queue, one comment with its history, the counts. */
@ApplicationScoped
public class ModerationQueue {

    static final int STATS_ARTICLES = 100;

    private final CommentRepository comments;
    private final AuditLog audit;
    private final EntityManager em;

    public ModerationQueue(CommentRepository comments, AuditLog audit, EntityManager em) {
        this.comments = comments;
        this.audit = audit;
        this.em = em;
    }

    /** Queue filters; null fields do not filter. */
    public record Filter(CommentStatus status, String articleId, String email, String ip, String text, Instant from,
            Instant to, boolean newestFirst) {
    }

    public PagedList<ModeratedComment> search(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add("status = :status");
        params.put("status", filter.status());
        if (filter.articleId() != null) {
            where.add("articleId = :articleId");
            params.put("articleId", filter.articleId());
        }
        if (filter.email() != null) {
            where.add("email = :email");
            params.put("email", filter.email().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.ip() != null) {
            where.add("ipAddress = :ip");
            params.put("ip", filter.ip().strip());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("(lower(text) like :text escape '!' or lower(name) like :text escape '!')");
            params.put("text", "%" + likeEscape(filter.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.from() != null) {
            where.add("createdAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("createdAt < :to");
            params.put("to", filter.to());
        }
        Sort.Direction direction = filter.newestFirst() ? Sort.Direction.Descending : Sort.Direction.Ascending;
        var query = comments.find(String.join(" and ", where), Sort.by("createdAt", direction).and("id", direction), params);
        List<ModeratedComment> items = query.page(Page.of(page, size)).list().stream().map(ModeratedComment::of).toList();
        return new PagedList<>(items, page, size, query.count());
    }

    public ModeratedComment detail(long id) {
        Comment comment = comments.findById(id);
        if (comment == null) {
            throw ApiException.notFound("There is no comment " + id + ".");
        }
        Comment parent = comment.parentId == null ? null : comments.findById(comment.parentId);
        return ModeratedComment.of(comment, parent, audit.forComment(id));
    }

    @Schema(name = "ModerationStats")
    public record Stats(Map<CommentStatus, Long> total,
            @Schema(description = "Per article, the 100 with the most pending comments first") List<ArticleStats> articles) {
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
        return new Stats(total, articles);
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
