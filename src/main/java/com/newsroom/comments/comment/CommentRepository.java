package com.newsroom.comments.comment;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CommentRepository implements PanacheRepository<Comment> {

    private static final Sort OLDEST_FIRST = Sort.by("createdAt").and("id");

    /** One page of an article's approved comments, oldest first (served by comment_article_status_created_idx). */
    public List<Comment> approvedPage(String articleId, int page, int size) {
        return find("articleId = ?1 and status = ?2", OLDEST_FIRST, articleId, CommentStatus.APPROVED)
                .page(Page.of(page, size))
                .list();
    }

    /** A sum of a few rows ({@link ApprovedCounts}), not a count of the article's comments. */
    public long countApproved(String articleId) {
        Number total = (Number) getEntityManager().createNativeQuery(
                "select coalesce(sum(approved), 0) from article_comment_count where article_id = ?1")
                .setParameter(1, articleId).getSingleResult();
        return total.longValue();
    }

    public Comment findApproved(String articleId, long id) {
        return find("id = ?1 and articleId = ?2 and status = ?3", id, articleId, CommentStatus.APPROVED)
                .firstResult();
    }

    /** Whether a moderator has approved a comment by this (lower-cased) e-mail address. */
    public boolean hasModeratorApprovedComment(String email) {
        return find("email = ?1 and status = ?2 and moderatedBy is not null", email, CommentStatus.APPROVED)
                .firstResultOptional().isPresent();
    }
}
