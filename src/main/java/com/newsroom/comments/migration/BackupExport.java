package com.newsroom.comments.migration;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.newsroom.comments.comment.ModerationReason;
import com.newsroom.comments.comment.store.ArticleRow;
import com.newsroom.comments.comment.store.CommentExport;
import com.newsroom.comments.comment.store.ImportRow;
import com.newsroom.comments.comment.store.ReportRow;

/**
 * Writes a backup ({@link BackupLine}) as the database's rows arrive ({@link CommentExport}): memory
 * holds one fetch of rows and the output's buffer, whatever the database's size.
 */
@ApplicationScoped
public class BackupExport {

    private final CommentExport store;
    private final ObjectMapper json;

    public BackupExport(CommentExport store, ObjectMapper json) {
        this.store = store;
        // Dates as ISO-8601 text, lines without indentation, whatever the application's mapper does elsewhere.
        this.json = json.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    /** Writes every selected article, comment and report to {@code out}, then the end line, and flushes. */
    public void write(CommentExport.Filter filter, OutputStream out) throws IOException, SQLException {
        JsonGenerator lines = json.getFactory().createGenerator(out);
        lines.setRootValueSeparator(null);
        line(lines, new BackupLine.Header("backup", BackupLine.FORMAT, BackupLine.VERSION, Instant.now(), filter.articleId(),
                filter.status() == null ? null : filter.status().name(), filter.from(), filter.to()));
        long[] counts = new long[3];
        store.export(filter, new CommentExport.Visitor() {
            @Override
            public void article(ArticleRow a) throws IOException {
                counts[0]++;
                line(lines, new BackupLine.Article("article", a.id(), a.commentsOpen(), a.closesAt(), a.closeAfterDays(),
                        a.premoderate(), a.publishedAt(), a.createdAt(), a.updatedAt(), a.version()));
            }

            @Override
            public void comment(ImportRow row) throws IOException {
                counts[1]++;
                com.newsroom.comments.comment.Comment c = row.comment();
                List<BackupLine.Reason> reasons = new ArrayList<>(c.reasons.size());
                for (ModerationReason r : c.reasons) {
                    reasons.add(new BackupLine.Reason(r.ruleId, r.ruleType, r.field, r.match, r.start, r.end, r.action, r.detail));
                }
                line(lines, new BackupLine.Comment("comment", c.id, c.articleId, c.parentId, c.name, c.email, c.website, c.text,
                        c.status.name(), c.ipAddress, c.userAgent, c.dedupKey, c.moderatedBy, c.moderatedAt, c.createdAt,
                        c.updatedAt, c.version, row.importSource(), row.importId(), reasons));
            }

            @Override
            public void report(ReportRow r) throws IOException {
                counts[2]++;
                line(lines, new BackupLine.Report("report", r.id(), r.commentId(), r.articleId(), r.reporter(), r.email(),
                        r.ipAddress(), r.reason(), r.note(), r.createdAt(), r.resolvedAt(), r.resolvedBy(), r.resolution()));
            }
        });
        line(lines, new BackupLine.End("end", counts[0], counts[1], counts[2]));
        lines.flush();
    }

    private void line(JsonGenerator lines, Object value) throws IOException {
        json.writeValue(lines, value);
        lines.writeRaw('\n');
    }
}
