package com.newsroom.comments.migration;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.CommentSubmission;
import com.newsroom.comments.comment.ModerationReason;
import com.newsroom.comments.comment.store.CommentImports;
import com.newsroom.comments.comment.store.ArticleRow;
import com.newsroom.comments.comment.store.ImportRow;
import com.newsroom.comments.comment.store.ReportRow;
import com.newsroom.comments.moderation.ModerationOutcome;
import com.newsroom.comments.moderation.ModerationPolicy;
import com.newsroom.comments.moderation.ModerationService;
import com.newsroom.comments.moderation.rule.ActiveRules;

/**
 * What a reader finds, turned into rows of one import transaction, with the counts and the first errors
 * kept for the job. Entries the database would refuse (an over-long IP address or id) are errors of
 * their own, so one bad entry never fails the whole file.
 */
final class CommentSink implements ImportSink, RestoreSink, AutoCloseable {

    static final int MAX_IP = 45;
    static final int MAX_IMPORT_ID = 100;

    private final CommentImports store;
    private final ModerationService moderation;
    private final ActiveRules.Snapshot rules;
    private final ImportCounts counts;
    private final List<ImportCounts.Error> errors;
    private CommentImports.Transaction tx;
    private Runnable progress = () -> {
    };
    private Instant reported = Instant.now();
    private long inserted;

    /**
     * @param moderation the rules to run on comments the source approved, or null to keep the source's status
     * @param restore whether this is a restore (comments keep their ids)
     */
    CommentSink(CommentImports store, ModerationService moderation, ActiveRules.Snapshot rules, ImportCounts counts,
            List<ImportCounts.Error> errors, boolean restore) throws SQLException {
        this.store = store;
        this.moderation = moderation;
        this.rules = rules;
        this.counts = counts;
        this.errors = errors;
        if (restore) {
            tx = store.beginRestore();
        }
    }

    void onProgress(Runnable progress) {
        this.progress = progress;
    }

    @Override
    public void source(String source) throws SQLException {
        if (tx == null) {
            tx = store.begin(source);
        }
    }

    @Override
    public void article(String articleId, boolean commentsClosed) {
        if (commentsClosed) {
            tx.closeComments(articleId);
        }
    }

    @Override
    public void comment(SourceComment source) throws SQLException {
        if (source.id().length() > MAX_IMPORT_ID) {
            error(source.line(), "A comment id longer than " + MAX_IMPORT_ID + " characters was not imported");
            return;
        }
        Comment comment = new Comment();
        comment.articleId = source.articleId();
        comment.name = source.name();
        comment.email = source.email();
        comment.website = source.website();
        comment.ipAddress = source.ipAddress() != null && source.ipAddress().length() <= MAX_IP ? source.ipAddress() : null;
        comment.text = source.text();
        comment.status = source.status();
        comment.createdAt = source.createdAt();
        comment.updatedAt = source.createdAt();
        if (moderation != null && comment.status == CommentStatus.APPROVED) {
            List<ModerationReason> found = moderation.evaluate(rules, new CommentSubmission(comment.name, comment.text,
                    comment.email, comment.website, null), comment.ipAddress);
            ModerationOutcome outcome = ModerationPolicy.decide(null, found, null, true);
            comment.status = outcome.status();
            comment.reasons.addAll(outcome.reasons());
        }
        add(new ImportRow(comment, null, source.id(), source.parentId()));
    }

    /** A restored article, as the backup holds it. */
    @Override
    public void article(ArticleRow article) throws SQLException {
        tx.restoreArticle(article);
    }

    /** A restored comment, as the backup holds it. */
    @Override
    public void comment(ImportRow row) throws SQLException {
        add(row);
    }

    /** A restored report, as the backup holds it. */
    @Override
    public void report(ReportRow report) throws SQLException {
        tx.restoreReport(report);
    }

    private void add(ImportRow row) throws SQLException {
        tx.add(row);
        if (++inserted % CommentImports.BATCH == 0 && Duration.between(reported, Instant.now()).toMillis() >= 1000) {
            reported = Instant.now();
            sync(tx.counts());
            progress.run();
        }
    }

    @Override
    public void skipped(String kind) {
        counts.skipped.merge(kind, 1L, Long::sum);
    }

    @Override
    public void error(int line, String message) {
        counts.errors++;
        if (errors.size() < Imports.MAX_ERRORS) {
            errors.add(new ImportCounts.Error(line, message));
        }
    }

    /** Commits everything read; without a comment in the file, there is nothing to commit. */
    void commit() throws SQLException {
        if (tx != null) {
            sync(tx.commit());
        }
    }

    private void sync(CommentImports.Counts done) {
        counts.articles = done.articles();
        counts.comments.clear();
        done.inserted().forEach((status, n) -> counts.comments.put(status.name(), n));
        counts.alreadyImported = done.alreadyStored();
        counts.orphans = done.orphans();
        counts.reports = done.reports();
    }

    @Override
    public void close() throws SQLException {
        if (tx != null) {
            tx.close();
        }
    }
}
