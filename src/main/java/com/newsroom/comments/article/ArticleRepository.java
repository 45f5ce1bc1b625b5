package com.newsroom.comments.article;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, String> {

    /**
     * Returns the article, creating it first if this is its first comment. The insert ignores a
     * concurrent creator (ON CONFLICT DO NOTHING works on PostgreSQL and on H2 in PostgreSQL mode),
     * so two first comments at once never fail.
     */
    public Article findOrCreate(String articleId, Instant now) {
        Article article = findById(articleId);
        if (article != null) {
            return article;
        }
        getEntityManager().createNativeQuery("""
                insert into article (id, comments_open, premoderate, created_at, updated_at, version)
                values (?1, true, false, ?2, ?2, 0) on conflict do nothing""")
                .setParameter(1, articleId)
                .setParameter(2, now)
                .executeUpdate();
        return findById(articleId);
    }
}
