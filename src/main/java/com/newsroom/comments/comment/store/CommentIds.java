package com.newsroom.comments.comment.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Comment ids from {@code comment_seq} (increment 50): one {@code nextval} reserves the 50 ids up to
 * the value it returns, so ids stay dense and one round trip serves 50 comments. Shared by the writer
 * threads of this instance; other instances reserve their own blocks.
 */
final class CommentIds {

    static final int BLOCK = 50;

    private long next = 1;
    private long last = 0;

    synchronized long next(Connection db) throws SQLException {
        if (next > last) {
            try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery("select nextval('comment_seq')")) {
                rs.next();
                last = rs.getLong(1);
                next = Math.max(1, last - BLOCK + 1);
            }
        }
        return next++;
    }
}
