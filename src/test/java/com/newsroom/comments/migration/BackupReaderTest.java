package com.newsroom.comments.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.store.ArticleRow;
import com.newsroom.comments.comment.store.ImportRow;
import com.newsroom.comments.comment.store.ReportRow;

class BackupReaderTest {

    static final String HEADER = "{\"type\":\"backup\",\"format\":\"comments-backup\",\"version\":1,\"exportedAt\":\"2026-12-05T12:00:00Z\"}\n";
    static final String ARTICLE = "{\"type\":\"article\",\"id\":\"budget-2026\",\"commentsOpen\":false,\"closesAt\":null,\"closeAfterDays\":14,"
            + "\"premoderate\":true,\"publishedAt\":null,\"createdAt\":\"2026-12-01T10:00:00Z\",\"updatedAt\":\"2026-12-01T10:00:00Z\",\"version\":3}\n";
    static final String COMMENT = "{\"type\":\"comment\",\"id\":51,\"articleId\":\"budget-2026\",\"parentId\":50,\"name\":\"Ayşe\","
            + "\"email\":\"ayse@example.com\",\"website\":null,\"text\":\"Merhaba 🧾\\nline\",\"status\":\"PENDING\",\"ipAddress\":\"203.0.113.7\","
            + "\"userAgent\":\"Mozilla/5.0\",\"dedupKey\":\"abc\",\"moderatedBy\":\"admin\",\"moderatedAt\":\"2026-12-01T10:05:00Z\","
            + "\"createdAt\":\"2026-12-01T10:00:00.123456Z\",\"updatedAt\":\"2026-12-01T10:05:00Z\",\"version\":2,\"importSource\":\"disqus:f\","
            + "\"importId\":\"9\",\"reasons\":[{\"ruleId\":3,\"ruleType\":\"TERMS\",\"field\":\"text\",\"match\":\"x\",\"start\":1,\"end\":2,"
            + "\"action\":\"HOLD\",\"detail\":null}]}\n";
    static final String REPORT = "{\"type\":\"report\",\"id\":4,\"commentId\":51,\"articleId\":\"budget-2026\",\"reporter\":\"ip:1.2.3.4\","
            + "\"email\":null,\"ipAddress\":\"1.2.3.4\",\"reason\":\"ABUSE\",\"note\":null,\"createdAt\":\"2026-12-01T11:00:00Z\","
            + "\"resolvedAt\":null,\"resolvedBy\":null,\"resolution\":null}\n";
    static final String END = "{\"type\":\"end\",\"articles\":1,\"comments\":1,\"reports\":1}\n";

    static final class Recording implements RestoreSink {
        final List<ArticleRow> articles = new ArrayList<>();
        final List<ImportRow> comments = new ArrayList<>();
        final List<ReportRow> reports = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public void article(ArticleRow article) {
            articles.add(article);
        }

        @Override
        public void comment(ImportRow comment) {
            comments.add(comment);
        }

        @Override
        public void report(ReportRow report) {
            reports.add(report);
        }

        @Override
        public void error(int line, String message) {
            errors.add(line + ": " + message);
        }
    }

    static Recording read(String text) throws Exception {
        Recording sink = new Recording();
        new BackupReader(new ObjectMapper().registerModule(new JavaTimeModule()))
                .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sink);
        return sink;
    }

    @Test
    void readsEveryFieldBack() throws Exception {
        Recording sink = read(HEADER + ARTICLE + COMMENT + REPORT + END);
        assertEquals(List.of(), sink.errors);
        assertEquals(new ArticleRow("budget-2026", false, null, 14, true, null, Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T10:00:00Z"), 3), sink.articles.get(0));
        ImportRow row = sink.comments.get(0);
        assertEquals(51L, row.comment().id);
        assertEquals(50L, row.comment().parentId);
        assertEquals("Merhaba 🧾\nline", row.comment().text);
        assertEquals(CommentStatus.PENDING, row.comment().status);
        assertEquals(Instant.parse("2026-12-01T10:00:00.123456Z"), row.comment().createdAt);
        assertEquals("admin", row.comment().moderatedBy);
        assertEquals(2, row.comment().version);
        assertEquals("disqus:f", row.importSource());
        assertEquals("9", row.importId());
        assertEquals("x", row.comment().reasons.get(0).match);
        assertEquals(4, sink.reports.get(0).id());
        assertEquals("ABUSE", sink.reports.get(0).reason());
        // Windows line ends and blank lines are read too.
        assertEquals(1, read((HEADER + "\n" + ARTICLE + COMMENT + REPORT + END).replace("\n", "\r\n")).comments.size());
    }

    @Test
    void badEntriesAreErrorsAndTheRestGoesOn() throws Exception {
        String badStatus = COMMENT.replace("\"PENDING\"", "\"MAYBE\"").replace("\"id\":51", "\"id\":52");
        String badArticle = COMMENT.replace("\"articleId\":\"budget-2026\"", "\"articleId\":\"a b\"");
        String badType = COMMENT.replace("\"id\":51", "\"id\":\"many\"");
        String badReason = REPORT.replace("ABUSE", "BORING");
        String unknown = "{\"type\":\"poll\"}\n";
        Recording sink = read(HEADER + ARTICLE + COMMENT + badStatus + badArticle + badType + REPORT + badReason + unknown
                + END.replace("\"comments\":1,\"reports\":1", "\"comments\":4,\"reports\":2"));
        assertEquals(1, sink.comments.size());
        assertEquals(1, sink.reports.size());
        assertEquals(5, sink.errors.size(), sink.errors.toString());
        assertTrue(sink.errors.get(0).startsWith("4: Comment 52"), sink.errors.get(0));
        assertTrue(sink.errors.get(2).startsWith("6: A comment line that does not fit"), sink.errors.get(2));
        assertTrue(sink.errors.get(4).contains("unknown type 'poll'"), sink.errors.get(4));
    }

    @Test
    void refusesWhatIsNotACompleteBackup() {
        String whole = HEADER + ARTICLE + COMMENT + REPORT + END;
        assertFails("", "empty");
        assertFails(ARTICLE + END, "first line");
        assertFails(HEADER.replace("\"version\":1", "\"version\":2") + END, "version 2");
        assertFails(HEADER + ARTICLE + COMMENT + REPORT, "without its end line");
        assertFails(HEADER + ARTICLE + REPORT + END, "incomplete");
        assertFails(whole.substring(0, whole.indexOf("\"name\"")), "not JSON");
        assertFails(whole + ARTICLE, "after the end line");
        assertFails("<?xml version=\"1.0\"?><rss/>", "not JSON");
        byte[] latin1 = (HEADER + "{\"type\":\"x\",\"n\":\"caf\u00e9\"}\n").getBytes(StandardCharsets.ISO_8859_1);
        ImportFailure failure = assertThrows(ImportFailure.class, () -> new BackupReader(new ObjectMapper())
                .read(new ByteArrayInputStream(latin1), new Recording()));
        assertTrue(failure.getMessage().contains("UTF-8"), failure.getMessage());
        String huge = HEADER + "{\"type\":\"comment\",\"text\":\"" + "a".repeat(BackupReader.MAX_LINE) + "\"}\n" + END;
        assertFails(huge, "longer than");
    }

    private static void assertFails(String text, String expected) {
        ImportFailure failure = assertThrows(ImportFailure.class, () -> read(text));
        assertTrue(failure.getMessage().contains(expected), failure.getMessage());
    }
}
