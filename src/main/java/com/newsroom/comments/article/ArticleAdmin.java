package com.newsroom.comments.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.newsroom.comments.audit.AuditLog;
import com.newsroom.comments.comment.CommentRepository;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.common.PagedList;
import com.newsroom.comments.event.Outbox;
import com.newsroom.comments.problem.ApiException;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Moderators' view and settings of articles; a change commits with its audit entry and its event. */
@ApplicationScoped
public class ArticleAdmin {

    static final int MAX_CLOSE_AFTER_DAYS = 3650;

    private final ArticleRepository articles;
    private final AuditLog audit;
    private final Outbox outbox;
    private final CommentRepository comments;

    public ArticleAdmin(ArticleRepository articles, AuditLog audit, Outbox outbox, CommentRepository comments) {
        this.articles = articles;
        this.audit = audit;
        this.outbox = outbox;
        this.comments = comments;
    }

    /** Newest first, with their comment counts; {@code idContains} (case-insensitive) narrows by article id. */
    @Transactional
    public PagedList<ArticleView> list(String idContains, int page, int size) {
        Sort newest = Sort.by("createdAt", Sort.Direction.Descending).and("id");
        var query = idContains == null || idContains.isBlank() ? articles.findAll(newest)
                : articles.find("locate(:q, lower(id)) > 0", newest,
                        Map.of("q", idContains.strip().toLowerCase(Locale.ROOT)));
        List<Article> found = query.page(Page.of(page, size)).list();
        Map<String, Map<CommentStatus, Long>> counts = comments.statusCounts(found.stream().map(a -> a.id).toList());
        List<ArticleView> items = found.stream().map(a -> ArticleView.of(a, counts.get(a.id))).toList();
        return new PagedList<>(items, page, size, query.count());
    }

    @Transactional
    public ArticleView get(String articleId) {
        Article article = articles.findById(articleId);
        if (article == null) {
            throw ApiException.notFound("There is no article " + articleId + " (it has no comments and no settings yet).");
        }
        return view(article);
    }

    private ArticleView view(Article article) {
        return ArticleView.of(article, comments.statusCounts(List.of(article.id)).get(article.id));
    }

    /** Applies the settings, creating the article's record if it has none yet (to premoderate ahead of time). */
    @Transactional
    public ArticleView update(String articleId, ArticleSettings settings, String actor) {
        if (settings == null) {
            throw ApiException.invalidField("commentsOpen", "Send the settings to change.");
        }
        if (settings.closeAfterDays() != null
                && (settings.closeAfterDays() < 1 || settings.closeAfterDays() > MAX_CLOSE_AFTER_DAYS)) {
            throw ApiException.invalidField("closeAfterDays", "closeAfterDays must be from 1 to " + MAX_CLOSE_AFTER_DAYS + ".");
        }
        List<String> clear = settings.clear() == null ? List.of() : settings.clear();
        for (String name : clear) {
            if (!ArticleSettings.CLEARABLE.contains(name)) {
                throw ApiException.invalidField("clear", "clear may name " + String.join(", ", ArticleSettings.CLEARABLE) + ".");
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Article article = articles.findOrCreate(articleId, now);
        if (clear.contains("closesAt")) {
            article.closesAt = null;
        }
        if (clear.contains("closeAfterDays")) {
            article.closeAfterDays = null;
        }
        if (clear.contains("publishedAt")) {
            article.publishedAt = null;
        }
        if (settings.commentsOpen() != null) {
            article.commentsOpen = settings.commentsOpen();
        }
        if (settings.closesAt() != null) {
            article.closesAt = settings.closesAt();
        }
        if (settings.closeAfterDays() != null) {
            article.closeAfterDays = settings.closeAfterDays();
        }
        if (settings.premoderate() != null) {
            article.premoderate = settings.premoderate();
        }
        if (settings.publishedAt() != null) {
            article.publishedAt = settings.publishedAt();
        }
        article.updatedAt = now;
        audit.record(new AuditLog.Event(actor, "ARTICLE_SETTINGS", null, articleId, null, null, null, null,
                "commentsOpen=" + article.commentsOpen + ", closesAt=" + article.closesAt + ", closeAfterDays="
                        + article.closeAfterDays + ", premoderate=" + article.premoderate + ", publishedAt="
                        + article.publishedAt), now);
        articles.flush();
        outbox.articleUpdated(articleId, actor, now);
        return view(article);
    }
}
