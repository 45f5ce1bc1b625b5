package com.newsroom.comments.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.newsroom.comments.audit.AuditLog;
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

    public ArticleAdmin(ArticleRepository articles, AuditLog audit, Outbox outbox) {
        this.articles = articles;
        this.audit = audit;
        this.outbox = outbox;
    }

    public PagedList<ArticleView> list(int page, int size) {
        var query = articles.findAll(Sort.by("createdAt", Sort.Direction.Descending).and("id"));
        List<ArticleView> items = query.page(Page.of(page, size)).list().stream().map(ArticleView::of).toList();
        return new PagedList<>(items, page, size, query.count());
    }

    public ArticleView get(String articleId) {
        Article article = articles.findById(articleId);
        if (article == null) {
            throw ApiException.notFound("There is no article " + articleId + " (it has no comments and no settings yet).");
        }
        return ArticleView.of(article);
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
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Article article = articles.findOrCreate(articleId, now);
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
        return ArticleView.of(article);
    }
}
