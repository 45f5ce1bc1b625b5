package com.newsroom.comments.article;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Articles, and the home of the SQL that other parts run on the {@code article} table inside their own
 * JDBC statements (the comment write path reads and creates articles in its batch's one read).
 */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, String> {

    /**
     * Creates the articles of the array parameter that have no record yet, open and not premoderated,
     * created at the two timestamp parameters. A concurrent creator wins harmlessly (ON CONFLICT DO
     * NOTHING), and rows are taken in id order, as every writer takes them, so two never deadlock.
     * Parameters: created_at, updated_at (ISO text), ids (text[]).
     */
    public static final String INSERT_MISSING = """
            insert into article (id, comments_open, premoderate, created_at, updated_at, version)
            select id, true, false, ?::timestamptz, ?::timestamptz, 0 from unnest(?::text[]) as a(id) order by id
            on conflict do nothing""";

    /**
     * Closes comments on the articles of the array parameter that are open (an import of a site where
     * they were closed). Parameters: updated_at (ISO text), ids (text[]).
     */
    public static final String CLOSE_COMMENTS = """
            update article set comments_open = false, updated_at = ?::timestamptz, version = version + 1
            where id = any(?) and comments_open""";

    /**
     * The records of articles that get their first stored comment, created at that comment's time: the
     * article ids and their times as two arrays, sorted by id (for lock order). Runs in the write path's
     * statement with the comments, so an article whose every comment was refused leaves no record.
     */
    public static final String INSERT_COMMENTED = """
            insert into article (id, comments_open, premoderate, created_at, updated_at, version)
            select id, true, false, t, t, 0 from unnest(?::text[], ?::timestamptz[]) as a(id, t) order by id
            on conflict do nothing""";

    /** The settings a comment is judged by, for the articles of the array parameter; read with {@link #settings}. */
    public static final String SELECT_SETTINGS = "select id, comments_open, closes_at, close_after_days, premoderate,"
            + " published_at, created_at from article where id = any(?)";

    /**
     * Returns the article, creating it first if this is its first comment or setting ({@link #INSERT_MISSING}),
     * managed by the current session.
     */
    public Article findOrCreate(String articleId, Instant now) {
        getEntityManager().unwrap(Session.class).doWork(db -> {
            try (PreparedStatement insert = db.prepareStatement(INSERT_MISSING)) {
                insert.setString(1, now.toString());
                insert.setString(2, now.toString());
                insert.setArray(3, db.createArrayOf("text", new String[] { articleId }));
                insert.executeUpdate();
            }
        });
        return findById(articleId);
    }

    /**
     * The settings of an article without a record: what {@link #INSERT_COMMENTED} creates with its first
     * comment. Not managed, never saved from here.
     */
    public static Article unrecorded(String articleId, Instant now) {
        Article article = new Article();
        article.id = articleId;
        article.createdAt = now;
        article.updatedAt = now;
        return article;
    }

    /** Articles' settings from the rows of {@link #SELECT_SETTINGS}: not managed, never saved from here. */
    public static Map<String, Article> settings(ResultSet rs) throws SQLException {
        Map<String, Article> byId = new HashMap<>();
        while (rs.next()) {
            Article article = new Article();
            article.id = rs.getString(1);
            article.commentsOpen = rs.getBoolean(2);
            article.closesAt = instant(rs, 3);
            article.closeAfterDays = rs.getObject(4, Integer.class);
            article.premoderate = rs.getBoolean(5);
            article.publishedAt = instant(rs, 6);
            article.createdAt = instant(rs, 7);
            byId.put(article.id, article);
        }
        return byId;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
