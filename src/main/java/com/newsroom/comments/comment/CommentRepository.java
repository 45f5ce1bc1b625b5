package com.newsroom.comments.comment;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * Comments through Hibernate (everything but the insert of new comments, which the write path does in
 * batches), and the home of the SQL on comments that others run inside their own JDBC statements.
 */
@ApplicationScoped
public class CommentRepository implements PanacheRepository<Comment> {

    /**
     * The e-mail addresses, of those in the array parameter (lower-cased), that a moderator approved a
     * comment of: authors the first-comment rule lets through.
     */
    public static final String TRUSTED_AUTHORS = "select distinct email from comment where email = any(?)"
            + " and status = 'APPROVED' and moderated_by is not null";

    public Comment findApproved(String articleId, long id) {
        return find("id = ?1 and articleId = ?2 and status = ?3", id, articleId, CommentStatus.APPROVED)
                .firstResult();
    }

    /** Whether a moderator has approved a comment by this (lower-cased) e-mail address ({@link #TRUSTED_AUTHORS}). */
    public boolean isTrusted(String email) {
        if (email == null) {
            return false;
        }
        AtomicBoolean trusted = new AtomicBoolean();
        getEntityManager().unwrap(Session.class).doWork(db -> {
            try (PreparedStatement select = db.prepareStatement(TRUSTED_AUTHORS)) {
                select.setArray(1, db.createArrayOf("text", new String[] { email }));
                try (ResultSet rs = select.executeQuery()) {
                    trusted.set(rs.next());
                }
            }
        });
        return trusted.get();
    }
}
