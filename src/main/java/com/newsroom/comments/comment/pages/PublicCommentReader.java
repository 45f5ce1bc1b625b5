package com.newsroom.comments.comment.pages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.newsroom.comments.common.PagedList;

/**
 * Reads a public page straight into {@link PublicComment}s: only the published columns, no entities.
 * This runs on every public-page cache miss, and when a story breaks every new approved comment makes
 * one (Hibernate's entity loading and its session were about a third of the service's CPU then).
 */
@ApplicationScoped
public class PublicCommentReader implements PublicPages.Source {

    static final String PAGE = """
            select id, parent_id, name, website, text, created_at from comment
            where article_id = ? and status = 'APPROVED' order by created_at, id limit ? offset ?""";
    static final String TOTAL = "select coalesce(sum(approved), 0) from article_comment_count where article_id = ?";

    private final DataSource dataSource;

    PublicCommentReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One page, oldest first, and the article's total (counted only when the page does not tell it). */
    @Override
    public PagedList<PublicComment> approvedPage(String articleId, int page, int size) {
        try (Connection db = dataSource.getConnection()) {
            List<PublicComment> items = new ArrayList<>(size);
            try (PreparedStatement select = db.prepareStatement(PAGE)) {
                select.setString(1, articleId);
                select.setInt(2, size);
                select.setLong(3, (long) page * size);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        items.add(new PublicComment(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            long total = page == 0 && items.size() < size ? items.size() : total(db, articleId);
            return new PagedList<>(items, page, size, total);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the published comments of " + articleId, e);
        }
    }

    private static long total(Connection db, String articleId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(TOTAL)) {
            select.setString(1, articleId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
