package com.newsroom.comments.comment.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.ModerationReason;
import com.newsroom.comments.config.CommentsConfig;

/**
 * Reads articles, comments (every column, with their reasons) and readers' reports for a backup, as
 * one consistent snapshot (a read-only repeatable-read transaction) and through server-side cursors:
 * memory holds one fetch of rows, whatever the database's size. Rows come in a fixed order (articles,
 * then comments, then reports, each by id), so the same data always exports the same way.
 */
@ApplicationScoped
public class CommentExport {

    /** Rows fetched per round trip. */
    static final int FETCH = 500;

    /** Which comments (and their reports) to export; null fields select everything. */
    public record Filter(String articleId, CommentStatus status, Instant from, Instant to) {
    }

    /** Receives the rows in order. */
    public interface Visitor {
        void article(ArticleRow article) throws IOException;

        /** A comment with its reasons; its source and id there when it was imported. */
        void comment(ImportRow comment) throws IOException;

        void report(ReportRow report) throws IOException;
    }

    private static final String ARTICLES = """
            select id, comments_open, closes_at, close_after_days, premoderate, published_at, created_at, updated_at, version
            from article where (?::text is null or id = ?) order by id""";

    private static final String COMMENT_FILTER = """
            (?::text is null or c.article_id = ?) and (?::text is null or c.status = ?)
            and (?::timestamptz is null or c.created_at >= ?) and (?::timestamptz is null or c.created_at < ?)""";

    private static final String COMMENTS = """
            select c.id, c.article_id, c.parent_id, c.name, c.email, c.website, c.text, c.status, c.ip_address, c.user_agent,
                   c.dedup_key, c.moderated_by, c.moderated_at, c.created_at, c.updated_at, c.version, c.import_source, c.import_id,
                   r.position, r.rule_id, r.rule_type, r.field, r.match_text, r.start_offset, r.end_offset, r.action, r.detail
            from comment c left join comment_reason r on r.comment_id = c.id
            where """ + COMMENT_FILTER + " order by c.id, r.position";

    private static final String REPORTS = """
            select p.id, p.comment_id, p.article_id, p.reporter, p.email, p.ip_address, p.reason, p.note, p.created_at,
                   p.resolved_at, p.resolved_by, p.resolution
            from comment_report p join comment c on c.id = p.comment_id
            where """ + COMMENT_FILTER + " order by p.id";

    private final DataSource dataSource;
    private final int timeoutMillis;

    public CommentExport(DataSource dataSource, CommentsConfig config) {
        this.dataSource = dataSource;
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, config.imports().databaseTimeout().toMillis());
    }

    public void export(Filter filter, Visitor visitor) throws SQLException, IOException {
        try (Connection db = dataSource.getConnection()) {
            int poolTimeout = CommentImports.extendTimeout(db, timeoutMillis);
            db.setAutoCommit(false);
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            db.setReadOnly(true);
            try {
                articles(db, filter, visitor);
                comments(db, filter, visitor);
                reports(db, filter, visitor);
            } finally {
                db.rollback();
                db.setReadOnly(false);
                db.setAutoCommit(true);
                CommentImports.restoreTimeout(db, poolTimeout);
            }
        }
    }

    private static void articles(Connection db, Filter filter, Visitor visitor) throws SQLException, IOException {
        try (PreparedStatement select = db.prepareStatement(ARTICLES)) {
            select.setFetchSize(FETCH);
            select.setObject(1, filter.articleId(), Types.VARCHAR);
            select.setObject(2, filter.articleId(), Types.VARCHAR);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    visitor.article(new ArticleRow(rs.getString(1), rs.getBoolean(2), instant(rs, 3),
                            (Integer) rs.getObject(4), rs.getBoolean(5), instant(rs, 6), instant(rs, 7), instant(rs, 8), rs.getLong(9)));
                }
            }
        }
    }

    private static void comments(Connection db, Filter filter, Visitor visitor) throws SQLException, IOException {
        try (PreparedStatement select = db.prepareStatement(COMMENTS)) {
            select.setFetchSize(FETCH);
            bindFilter(select, filter);
            try (ResultSet rs = select.executeQuery()) {
                ImportRow current = null;
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (current == null || current.comment().id != id) {
                        if (current != null) {
                            visitor.comment(current);
                        }
                        Comment c = new Comment();
                        c.id = id;
                        c.articleId = rs.getString(2);
                        c.parentId = (Long) rs.getObject(3);
                        c.name = rs.getString(4);
                        c.email = rs.getString(5);
                        c.website = rs.getString(6);
                        c.text = rs.getString(7);
                        c.status = CommentStatus.valueOf(rs.getString(8));
                        c.ipAddress = rs.getString(9);
                        c.userAgent = rs.getString(10);
                        c.dedupKey = rs.getString(11);
                        c.moderatedBy = rs.getString(12);
                        c.moderatedAt = instant(rs, 13);
                        c.createdAt = instant(rs, 14);
                        c.updatedAt = instant(rs, 15);
                        c.version = rs.getLong(16);
                        current = new ImportRow(c, rs.getString(17), rs.getString(18), null);
                    }
                    if (rs.getObject(19) != null) {
                        current.comment().reasons.add(new ModerationReason((Long) rs.getObject(20), rs.getString(21),
                                rs.getString(22), rs.getString(23), (Integer) rs.getObject(24), (Integer) rs.getObject(25),
                                rs.getString(26), rs.getString(27)));
                    }
                }
                if (current != null) {
                    visitor.comment(current);
                }
            }
        }
    }

    private static void reports(Connection db, Filter filter, Visitor visitor) throws SQLException, IOException {
        try (PreparedStatement select = db.prepareStatement(REPORTS)) {
            select.setFetchSize(FETCH);
            bindFilter(select, filter);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    visitor.report(new ReportRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9), instant(rs, 10), rs.getString(11),
                            rs.getString(12)));
                }
            }
        }
    }

    private static void bindFilter(PreparedStatement select, Filter filter) throws SQLException {
        String status = filter.status() == null ? null : filter.status().name();
        OffsetDateTime from = filter.from() == null ? null : filter.from().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = filter.to() == null ? null : filter.to().atOffset(ZoneOffset.UTC);
        select.setObject(1, filter.articleId(), Types.VARCHAR);
        select.setObject(2, filter.articleId(), Types.VARCHAR);
        select.setObject(3, status, Types.VARCHAR);
        select.setObject(4, status, Types.VARCHAR);
        select.setObject(5, from, Types.TIMESTAMP_WITH_TIMEZONE);
        select.setObject(6, from, Types.TIMESTAMP_WITH_TIMEZONE);
        select.setObject(7, to, Types.TIMESTAMP_WITH_TIMEZONE);
        select.setObject(8, to, Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
