package com.newsroom.comments.comment.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.newsroom.comments.article.ArticleRepository;
import com.newsroom.comments.comment.ApprovedCounts;
import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.config.CommentsConfig;

/**
 * Imports and restores: comments inserted in batches of {@link #BATCH} ({@link BatchSql#IMPORT}) inside
 * one local JDBC transaction per import, so a file that fails half-way leaves no comment behind. Not
 * the submission path: no flood control, no duplicate keys, no moderation (the caller decides the
 * status). An import is idempotent by the comments' source and original id ({@code import_source},
 * {@code import_id}); a restore by the comments' own ids. Memory stays bounded whatever the file's size:
 * one batch, the articles' ids, and the approved counts' deltas; replies whose parent comes later in
 * the file are linked at the end through a temporary table.
 */
@ApplicationScoped
public class CommentImports {

    /** Comments per insert statement. */
    public static final int BATCH = 1000;

    /** Restored articles, unless their id exists. */
    private static final String RESTORE_ARTICLES = """
            insert into article (id, comments_open, closes_at, close_after_days, premoderate, published_at, created_at,
                                 updated_at, version)
            select * from unnest(?::text[], ?::bool[], ?::timestamptz[], ?::int4[], ?::bool[], ?::timestamptz[],
                                 ?::timestamptz[], ?::timestamptz[], ?::int8[])
            order by 1 on conflict do nothing""";

    /** Restored reports whose comment is stored, unless their id or their reporter's report of that comment exists. */
    private static final String RESTORE_REPORTS = """
            insert into comment_report (id, comment_id, article_id, reporter, email, ip_address, reason, note, created_at,
                                        resolved_at, resolved_by, resolution)
            select u.* from unnest(?::int8[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                   ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[])
                   as u(id, comment_id, article_id, reporter, email, ip_address, reason, note, created_at, resolved_at,
                        resolved_by, resolution)
            where exists (select 1 from comment c where c.id = u.comment_id)
            on conflict do nothing""";

    private final DataSource dataSource;
    private final BatchSql sql = new BatchSql();
    private final int timeoutMillis;

    public CommentImports(DataSource dataSource, CommentsConfig config) {
        this.dataSource = dataSource;
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, config.imports().databaseTimeout().toMillis());
    }

    /**
     * Gives {@code connection} the imports' longer wait for the database ({@code comments.imports.database-timeout});
     * returns the pool's, for {@link #restoreTimeout}.
     */
    static int extendTimeout(Connection connection, int millis) throws SQLException {
        int pool = connection.getNetworkTimeout();
        connection.setNetworkTimeout(Runnable::run, millis);
        return pool;
    }

    static void restoreTimeout(Connection connection, int millis) throws SQLException {
        connection.setNetworkTimeout(Runnable::run, millis);
    }

    /** What a transaction has done so far. */
    public record Counts(Map<CommentStatus, Long> inserted, long alreadyStored, long orphans, int articles, long reports) {

        public long insertedTotal() {
            return inserted.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Starts an import of comments from {@code source}; ids are assigned here, parents resolved by original id. */
    public Transaction begin(String source) throws SQLException {
        return new Transaction(source);
    }

    /** Starts a restore: comments keep their ids, parents and sources. */
    public Transaction beginRestore() throws SQLException {
        return new Transaction(null);
    }

    /** One import or restore, committed by {@link #commit} and rolled back by {@link #close} otherwise. */
    public final class Transaction implements AutoCloseable {

        private final Connection db;
        private final int poolTimeout;
        /** The import's source, or null for a restore. */
        private final String source;
        private final List<ImportRow> pending = new ArrayList<>(BATCH);
        private final Set<String> articles = new HashSet<>();
        private final TreeSet<String> closedArticles = new TreeSet<>();
        private final ApprovedCounts.Deltas approved = new ApprovedCounts.Deltas();
        private final EnumMap<CommentStatus, Long> inserted = new EnumMap<>(CommentStatus.class);
        private final Deque<Long> idBlocks = new ArrayDeque<>();
        private long nextId = 1;
        private long lastId = 0;
        private long alreadyStored;
        private long orphans;
        private long reports;
        /** A restore's articles and reports, inserted in batches: articles before the comments, reports after. */
        private final List<ArticleRow> pendingArticles = new ArrayList<>();
        private final List<ReportRow> pendingReports = new ArrayList<>();
        private boolean committed;

        private Transaction(String source) throws SQLException {
            this.source = source;
            Connection connection = dataSource.getConnection();
            try {
                poolTimeout = extendTimeout(connection, timeoutMillis);
                connection.setAutoCommit(false);
                try (Statement create = connection.createStatement()) {
                    create.execute("create temporary table import_parent (id bigint not null, parent_import_id varchar,"
                            + " parent_id bigint) on commit drop");
                }
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            this.db = connection;
        }

        /** Adds a comment; it is inserted with its batch. */
        public void add(ImportRow row) throws SQLException {
            pending.add(row);
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        /** Restores an article's record with its settings, unless one with its id exists. */
        public void restoreArticle(ArticleRow article) throws SQLException {
            pendingArticles.add(article);
            if (pendingArticles.size() >= BATCH) {
                flushArticles();
            }
        }

        /**
         * Restores a reader's report once every comment before it is in, unless its id or its reporter's
         * report of that comment exists; a report whose comment is in neither the backup nor the database
         * is left out.
         */
        public void restoreReport(ReportRow report) throws SQLException {
            flush();
            pendingReports.add(report);
            if (pendingReports.size() >= BATCH) {
                flushReports();
            }
        }

        /** Closes comments on this article when the import commits. */
        public void closeComments(String articleId) {
            closedArticles.add(articleId);
        }

        public Counts counts() {
            return new Counts(new EnumMap<>(inserted), alreadyStored, orphans, articles.size(), reports);
        }

        /** Inserts what is pending, links late parents, applies closures and approved counts, commits. */
        public Counts commit() throws SQLException {
            flush();
            flushReports();
            createArticles(closedArticles);
            linkParents();
            if (source == null) {
                try (Statement seq = db.createStatement()) {
                    // New comments and reports get ids above every restored one.
                    seq.execute("select setval('comment_seq', greatest((select coalesce(max(id), 0) from comment),"
                            + " (select last_value from comment_seq)))");
                    seq.execute("select setval('comment_report_seq', greatest((select coalesce(max(id), 0) from comment_report),"
                            + " (select last_value from comment_report_seq)))");
                }
            }
            String now = Instant.now().toString();
            if (!closedArticles.isEmpty()) {
                try (PreparedStatement close = db.prepareStatement(ArticleRepository.CLOSE_COMMENTS)) {
                    close.setString(1, now);
                    close.setArray(2, texts(closedArticles));
                    close.executeUpdate();
                }
            }
            if (!approved.isEmpty()) {
                SortedMap<String, Long> deltas = approved.byArticle();
                try (PreparedStatement add = db.prepareStatement(ApprovedCounts.ADD)) {
                    add.setInt(1, ApprovedCounts.MODERATION_SHARD);
                    add.setArray(2, texts(deltas.keySet()));
                    add.setArray(3, db.createArrayOf("int8", deltas.values().toArray(Long[]::new)));
                    add.executeUpdate();
                }
            }
            db.commit();
            committed = true;
            return counts();
        }

        @Override
        public void close() throws SQLException {
            try {
                if (!committed) {
                    db.rollback();
                }
                restoreTimeout(db, poolTimeout);
            } finally {
                db.close();
            }
        }

        private void flush() throws SQLException {
            flushArticles();
            if (pending.isEmpty()) {
                return;
            }
            TreeSet<String> newArticles = new TreeSet<>();
            for (ImportRow row : pending) {
                newArticles.add(row.comment().articleId);
            }
            createArticles(newArticles);
            List<ImportRow> kept = source == null ? keepRestored() : keepImported();
            sql.insertImported(db, kept);
            for (ImportRow row : kept) {
                Comment comment = row.comment();
                inserted.merge(comment.status, 1L, Long::sum);
                approved.change(comment.articleId, false, comment.status == CommentStatus.APPROVED);
            }
            pending.clear();
        }

        /**
         * Inserts the pending restored articles in this transaction; from then on they count as existing
         * ({@link #createArticles} would otherwise wait on this transaction's uncommitted rows).
         */
        private void flushArticles() throws SQLException {
            if (pendingArticles.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = db.prepareStatement(RESTORE_ARTICLES)) {
                List<ArticleRow> rows = pendingArticles;
                insert.setArray(1, texts(rows.stream().map(ArticleRow::id).toList()));
                insert.setArray(2, db.createArrayOf("bool", rows.stream().map(ArticleRow::commentsOpen).toArray(Boolean[]::new)));
                insert.setArray(3, times(rows.stream().map(ArticleRow::closesAt).toList()));
                insert.setArray(4, db.createArrayOf("int4", rows.stream().map(ArticleRow::closeAfterDays).toArray(Integer[]::new)));
                insert.setArray(5, db.createArrayOf("bool", rows.stream().map(ArticleRow::premoderate).toArray(Boolean[]::new)));
                insert.setArray(6, times(rows.stream().map(ArticleRow::publishedAt).toList()));
                insert.setArray(7, times(rows.stream().map(ArticleRow::createdAt).toList()));
                insert.setArray(8, times(rows.stream().map(ArticleRow::updatedAt).toList()));
                insert.setArray(9, db.createArrayOf("int8", rows.stream().map(ArticleRow::version).toArray(Long[]::new)));
                insert.executeUpdate();
            }
            pendingArticles.forEach(article -> articles.add(article.id()));
            pendingArticles.clear();
        }

        private void flushReports() throws SQLException {
            if (pendingReports.isEmpty()) {
                return;
            }
            List<ReportRow> rows = pendingReports;
            try (PreparedStatement insert = db.prepareStatement(RESTORE_REPORTS)) {
                insert.setArray(1, db.createArrayOf("int8", rows.stream().map(ReportRow::id).toArray(Long[]::new)));
                insert.setArray(2, db.createArrayOf("int8", rows.stream().map(ReportRow::commentId).toArray(Long[]::new)));
                insert.setArray(3, texts(rows.stream().map(ReportRow::articleId).toList()));
                insert.setArray(4, texts(rows.stream().map(ReportRow::reporter).toList()));
                insert.setArray(5, texts(rows.stream().map(ReportRow::email).toList()));
                insert.setArray(6, texts(rows.stream().map(ReportRow::ipAddress).toList()));
                insert.setArray(7, texts(rows.stream().map(ReportRow::reason).toList()));
                insert.setArray(8, texts(rows.stream().map(ReportRow::note).toList()));
                insert.setArray(9, times(rows.stream().map(ReportRow::createdAt).toList()));
                insert.setArray(10, times(rows.stream().map(ReportRow::resolvedAt).toList()));
                insert.setArray(11, texts(rows.stream().map(ReportRow::resolvedBy).toList()));
                insert.setArray(12, texts(rows.stream().map(ReportRow::resolution).toList()));
                reports += insert.executeUpdate();
            }
            pendingReports.clear();
        }

        private Array times(List<Instant> values) throws SQLException {
            return db.createArrayOf("text", values.stream().map(at -> at == null ? null : at.toString()).toArray(String[]::new));
        }

        /** Assigns ids to the comments not imported before and sets the parents already stored. */
        private List<ImportRow> keepImported() throws SQLException {
            Set<String> keys = new HashSet<>();
            for (ImportRow row : pending) {
                keys.add(row.importId());
                if (row.parentImportId() != null) {
                    keys.add(row.parentImportId());
                }
            }
            Map<String, Long> known = new HashMap<>();
            try (PreparedStatement find = db.prepareStatement(
                    "select import_id, id from comment where import_source = ? and import_id = any(?)")) {
                find.setString(1, source);
                find.setArray(2, texts(keys));
                try (ResultSet rs = find.executeQuery()) {
                    while (rs.next()) {
                        known.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            List<ImportRow> kept = new ArrayList<>(pending.size());
            List<Long> lateIds = new ArrayList<>();
            List<String> lateParents = new ArrayList<>();
            for (ImportRow row : pending) {
                if (known.containsKey(row.importId())) {
                    alreadyStored++;
                    continue;
                }
                Comment comment = row.comment();
                comment.id = nextId();
                known.put(row.importId(), comment.id);
                if (row.parentImportId() != null) {
                    Long parent = known.get(row.parentImportId());
                    if (parent != null) {
                        comment.parentId = parent;
                    } else {
                        lateIds.add(comment.id);
                        lateParents.add(row.parentImportId());
                    }
                }
                kept.add(new ImportRow(comment, source, row.importId(), null));
            }
            if (!lateIds.isEmpty()) {
                try (PreparedStatement late = db.prepareStatement(
                        "insert into import_parent (id, parent_import_id) select * from unnest(?::int8[], ?::text[])")) {
                    late.setArray(1, db.createArrayOf("int8", lateIds.toArray(Long[]::new)));
                    late.setArray(2, texts(lateParents));
                    late.executeUpdate();
                }
            }
            return kept;
        }

        /** The comments whose ids are free; every parent is set at the end, when all comments are in. */
        private List<ImportRow> keepRestored() throws SQLException {
            List<Long> ids = pending.stream().map(row -> row.comment().id).toList();
            Set<Long> taken = new HashSet<>();
            try (PreparedStatement find = db.prepareStatement("select id from comment where id = any(?)")) {
                find.setArray(1, db.createArrayOf("int8", ids.toArray(Long[]::new)));
                try (ResultSet rs = find.executeQuery()) {
                    while (rs.next()) {
                        taken.add(rs.getLong(1));
                    }
                }
            }
            List<ImportRow> kept = new ArrayList<>(pending.size());
            List<Long> children = new ArrayList<>();
            List<Long> parents = new ArrayList<>();
            for (ImportRow row : pending) {
                Comment comment = row.comment();
                if (!taken.add(comment.id)) {
                    alreadyStored++;
                    continue;
                }
                if (comment.parentId != null) {
                    children.add(comment.id);
                    parents.add(comment.parentId);
                    comment.parentId = null;
                }
                kept.add(row);
            }
            if (!children.isEmpty()) {
                try (PreparedStatement late = db.prepareStatement(
                        "insert into import_parent (id, parent_id) select * from unnest(?::int8[], ?::int8[])")) {
                    late.setArray(1, db.createArrayOf("int8", children.toArray(Long[]::new)));
                    late.setArray(2, db.createArrayOf("int8", parents.toArray(Long[]::new)));
                    late.executeUpdate();
                }
            }
            return kept;
        }

        /** Sets the parents left for the end; a reply whose parent is nowhere stays a top-level comment. */
        private void linkParents() throws SQLException {
            long waiting;
            try (Statement count = db.createStatement(); ResultSet rs = count.executeQuery("select count(*) from import_parent")) {
                rs.next();
                waiting = rs.getLong(1);
            }
            if (waiting == 0) {
                return;
            }
            int linked;
            if (source == null) {
                try (Statement link = db.createStatement()) {
                    linked = link.executeUpdate("update comment c set parent_id = f.parent_id from import_parent f"
                            + " where c.id = f.id and exists (select 1 from comment p where p.id = f.parent_id)");
                }
            } else {
                try (PreparedStatement link = db.prepareStatement("update comment c set parent_id = p.id"
                        + " from import_parent f join comment p on p.import_source = ? and p.import_id = f.parent_import_id"
                        + " where c.id = f.id")) {
                    link.setString(1, source);
                    linked = link.executeUpdate();
                }
            }
            orphans += waiting - linked;
        }

        /**
         * Creates the articles that have no record yet, committed at once on a connection of their own: the
         * submission path may create the same article meanwhile and must not wait for this import. An
         * import that fails leaves these articles without comments, as if nobody had commented yet.
         */
        private void createArticles(TreeSet<String> ids) throws SQLException {
            TreeSet<String> missing = new TreeSet<>(ids);
            missing.removeAll(articles);
            if (missing.isEmpty()) {
                return;
            }
            String now = Instant.now().toString();
            try (Connection own = dataSource.getConnection(); PreparedStatement insert = own.prepareStatement(ArticleRepository.INSERT_MISSING)) {
                own.setAutoCommit(true);
                insert.setString(1, now);
                insert.setString(2, now);
                insert.setArray(3, own.createArrayOf("text", missing.toArray(String[]::new)));
                insert.executeUpdate();
            }
            articles.addAll(missing);
        }

        private long nextId() throws SQLException {
            if (nextId > lastId) {
                if (idBlocks.isEmpty()) {
                    try (PreparedStatement reserve = db.prepareStatement("select nextval('comment_seq') from generate_series(1, ?)")) {
                        reserve.setInt(1, Math.max(1, BATCH / CommentIds.BLOCK));
                        try (ResultSet rs = reserve.executeQuery()) {
                            while (rs.next()) {
                                idBlocks.add(rs.getLong(1));
                            }
                        }
                    }
                }
                lastId = idBlocks.poll();
                nextId = Math.max(1, lastId - CommentIds.BLOCK + 1);
            }
            return nextId++;
        }

        private Array texts(Collection<String> values) throws SQLException {
            return db.createArrayOf("text", values.toArray(String[]::new));
        }
    }
}
