package com.newsroom.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class CommentRepository implements PanacheRepository<Comment> {

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
