package com.newsroom.comments.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

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
        return findOrCreateAll(new TreeSet<>(List.of(articleId)), now).get(articleId);
    }

    /** {@link #findOrCreate} for several articles: one query when they all exist, as they usually do. */
    public Map<String, Article> findOrCreateAll(SortedSet<String> articleIds, Instant now) {
        Map<String, Article> found = findAll(articleIds);
        if (found.size() == articleIds.size()) {
            return found;
        }
        List<String> missing = new ArrayList<>();
        for (String id : articleIds) { // sorted: concurrent creators insert in the same order
            if (!found.containsKey(id)) {
                missing.add(id);
                getEntityManager().createNativeQuery("""
                        insert into article (id, comments_open, premoderate, created_at, updated_at, version)
                        values (?1, true, false, ?2, ?2, 0) on conflict do nothing""")
                        .setParameter(1, id)
                        .setParameter(2, now)
                        .executeUpdate();
            }
        }
        found.putAll(findAll(missing));
        return found;
    }

    private Map<String, Article> findAll(java.util.Collection<String> ids) {
        Map<String, Article> byId = new HashMap<>(ids.size() * 2);
        for (Article article : list("id in ?1", ids)) {
            byId.put(article.id, article);
        }
        return byId;
    }
}
