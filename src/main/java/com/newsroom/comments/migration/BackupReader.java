package com.newsroom.comments.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsroom.comments.article.ArticleIds;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.ModerationReason;
import com.newsroom.comments.comment.store.ArticleRow;
import com.newsroom.comments.comment.store.ImportRow;
import com.newsroom.comments.comment.store.ReportRow;
import com.newsroom.comments.report.ReportReason;

/**
 * Reads a backup ({@link BackupLine}) a line at a time: memory holds one line, of at most
 * {@link #MAX_LINE} characters. The file fails as a whole when it is not a backup (no header of a known
 * version), when a line is not JSON, or when it ends without its end line or with other counts than the
 * end line says (cut off); an entry the database would refuse (a bad status, article id or date) is an
 * error of its own and the rest goes on.
 */
final class BackupReader {

    /** The longest line read: a comment of the longest text, escaped, with its reasons fits many times over. */
    static final int MAX_LINE = 4 * 1024 * 1024;

    private final ObjectMapper json;

    BackupReader(ObjectMapper json) {
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    void read(InputStream in, RestoreSink sink) throws Exception {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, utf8), 64 * 1024);
        int number = 0;
        long articles = 0;
        long comments = 0;
        long reports = 0;
        BackupLine.End end = null;
        boolean headed = false;
        String line;
        while ((line = readLine(lines, number + 1)) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (end != null) {
                throw new ImportFailure("Not a backup: lines after the end line", number);
            }
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (JsonProcessingException e) {
                throw new ImportFailure("Not a backup: line " + number + " is not JSON (" + e.getOriginalMessage() + ")", number);
            }
            String type = node.path("type").asText("");
            if (!headed) {
                header(node, number);
                headed = true;
                continue;
            }
            switch (type) {
            case "article" -> {
                articles++;
                BackupLine.Article a = value(node, BackupLine.Article.class, number, sink);
                if (a == null) {
                    continue;
                }
                if (!ArticleIds.isValid(a.id()) || a.createdAt() == null || a.updatedAt() == null) {
                    sink.error(number, "Article " + a.id() + ": not a valid article id, or no createdAt or updatedAt");
                    continue;
                }
                sink.article(new ArticleRow(a.id(), a.commentsOpen(), a.closesAt(), a.closeAfterDays(), a.premoderate(),
                        a.publishedAt(), a.createdAt(), a.updatedAt(), a.version()));
            }
            case "comment" -> {
                comments++;
                BackupLine.Comment c = value(node, BackupLine.Comment.class, number, sink);
                if (c != null) {
                    comment(c, number, sink);
                }
            }
            case "report" -> {
                reports++;
                BackupLine.Report r = value(node, BackupLine.Report.class, number, sink);
                if (r == null) {
                    continue;
                }
                if (r.reporter() == null || r.createdAt() == null || !ArticleIds.isValid(r.articleId()) || !reason(r.reason())) {
                    sink.error(number, "Report " + r.id() + ": no reporter or createdAt, or an unknown article id or reason");
                    continue;
                }
                sink.report(new ReportRow(r.id(), r.commentId(), r.articleId(), r.reporter(), r.email(), r.ipAddress(), r.reason(),
                        r.note(), r.createdAt(), r.resolvedAt(), r.resolvedBy(), r.resolution()));
            }
            case "end" -> {
                end = value(node, BackupLine.End.class, number, sink);
                if (end == null) {
                    throw new ImportFailure("Not a backup: a broken end line", number);
                }
                if (end.articles() != articles || end.comments() != comments || end.reports() != reports) {
                    throw new ImportFailure("The backup is incomplete: its end line counts " + end.articles() + " articles, "
                            + end.comments() + " comments and " + end.reports() + " reports; the file holds " + articles + ", "
                            + comments + " and " + reports, number);
                }
            }
            default -> sink.error(number, "An entry of unknown type '" + type + "' was not restored");
            }
        }
        if (!headed) {
            throw new ImportFailure("Not a backup: the file is empty", number);
        }
        if (end == null) {
            throw new ImportFailure("The backup is incomplete: it ends without its end line (cut off?)", number);
        }
    }

    private void header(JsonNode node, int number) throws ImportFailure {
        if (!"backup".equals(node.path("type").asText()) || !BackupLine.FORMAT.equals(node.path("format").asText())) {
            throw new ImportFailure("Not a backup: the first line is not {\"type\": \"backup\", \"format\": \"" + BackupLine.FORMAT
                    + "\", ...} (GET /api/moderation/export writes one)", number);
        }
        if (node.path("version").asInt(-1) != BackupLine.VERSION) {
            throw new ImportFailure("A backup of version " + node.path("version") + " cannot be restored by this version of the"
                    + " service (it reads version " + BackupLine.VERSION + ")", number);
        }
    }

    private void comment(BackupLine.Comment c, int number, RestoreSink sink) throws Exception {
        CommentStatus status = status(c.status());
        if (c.id() <= 0 || !ArticleIds.isValid(c.articleId()) || c.name() == null || c.text() == null || status == null
                || c.createdAt() == null || c.updatedAt() == null) {
            sink.error(number, "Comment " + c.id() + ": needs a positive id, a valid article id, name, text, a known status,"
                    + " createdAt and updatedAt");
            return;
        }
        if (c.ipAddress() != null && c.ipAddress().length() > CommentSink.MAX_IP
                || c.importId() != null && c.importId().length() > CommentSink.MAX_IMPORT_ID
                || c.dedupKey() != null && c.dedupKey().length() > 64 || c.userAgent() != null && c.userAgent().length() > 512) {
            sink.error(number, "Comment " + c.id() + ": an IP address, import id, duplicate key or user agent too long");
            return;
        }
        com.newsroom.comments.comment.Comment comment = new com.newsroom.comments.comment.Comment();
        comment.id = c.id();
        comment.articleId = c.articleId();
        comment.parentId = c.parentId();
        comment.name = c.name();
        comment.email = c.email();
        comment.website = c.website();
        comment.text = c.text();
        comment.status = status;
        comment.ipAddress = c.ipAddress();
        comment.userAgent = c.userAgent();
        comment.dedupKey = c.dedupKey();
        comment.moderatedBy = c.moderatedBy();
        comment.moderatedAt = c.moderatedAt();
        comment.createdAt = c.createdAt();
        comment.updatedAt = c.updatedAt();
        comment.version = c.version();
        if (c.reasons() != null) {
            for (BackupLine.Reason r : c.reasons()) {
                if (r == null || r.ruleType() == null || r.action() == null) {
                    sink.error(number, "Comment " + c.id() + ": a reason without ruleType or action");
                    return;
                }
                comment.reasons.add(new ModerationReason(r.ruleId(), r.ruleType(), r.field(), r.match(), r.start(), r.end(),
                        r.action(), r.detail()));
            }
        }
        sink.comment(new ImportRow(comment, c.importSource(), c.importId(), null));
    }

    private <T> T value(JsonNode node, Class<T> type, int number, RestoreSink sink) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            sink.error(number, "A " + node.path("type").asText() + " line that does not fit its fields was not restored ("
                    + (message.length() > 200 ? message.substring(0, 200) + "..." : message) + ")");
            return null;
        }
    }

    /** The next line, refusing one longer than {@link #MAX_LINE}; null at the end. */
    private static String readLine(BufferedReader in, int number) throws IOException, ImportFailure {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = read(in, number)) >= 0) {
            if (c == '\n') {
                return line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.substring(0, line.length() - 1)
                        : line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new ImportFailure("Not a backup: line " + number + " is longer than " + MAX_LINE + " characters", number);
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    private static int read(BufferedReader in, int number) throws IOException, ImportFailure {
        try {
            return in.read();
        } catch (CharacterCodingException e) {
            throw new ImportFailure("Not a backup: line " + number + " is not UTF-8", number);
        }
    }

    private static CommentStatus status(String value) {
        for (CommentStatus status : CommentStatus.values()) {
            if (status.name().equals(value)) {
                return status;
            }
        }
        return null;
    }

    private static boolean reason(String value) {
        for (ReportReason reason : ReportReason.values()) {
            if (reason.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
