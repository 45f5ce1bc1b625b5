package com.newsroom.comments.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.comment.CommentStatus;

class WxrReaderTest {

    static RecordingSink read(String xml, ArticleIdSource source) throws Exception {
        RecordingSink sink = new RecordingSink();
        new WxrReader(source).read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), sink);
        return sink;
    }

    @Test
    void readsPostsCommentsThreadsAndStatusesExactly() throws Exception {
        RecordingSink sink = read(Fixtures.read("wordpress.xml", "t1"), ArticleIdSource.SLUG);

        assertEquals(List.of("wordpress:https://t1.news.example"), sink.sources);
        assertEquals(Map.of("t1-budget-2026", false, "t1-closed-story", true), sink.articles);
        assertEquals(List.of("101", "103", "104", "106", "201", "202", "204"), List.copyOf(sink.comments.keySet()));
        assertEquals(Map.of("pingback", 1, "trackback", 1), sink.skipped);
        assertEquals(List.of(), sink.errors);

        SourceComment first = sink.comments.get("101");
        assertEquals("Hamdi Fırat Büyük", first.name());
        assertEquals("hamdi@example.com", first.email());
        assertEquals("https://hamdi.example", first.website());
        assertEquals("203.0.113.7", first.ipAddress());
        assertEquals("Teşekkürler! <b>Bold</b> & <script>alert(1)</script> stays as text 😀", first.text());
        assertEquals(Instant.parse("2019-03-04T12:34:56Z"), first.createdAt());
        assertNull(first.parentId());
        assertEquals(CommentStatus.APPROVED, first.status());

        SourceComment reply = sink.comments.get("103");
        assertEquals("Fish & chips <3 🐟", reply.text().substring(reply.text().indexOf("Fish")));
        assertEquals("104", reply.parentId());
        assertNull(reply.email());
        assertEquals(Instant.parse("2019-03-05T10:00:00Z"), reply.createdAt(), "no GMT date: the local one as UTC");
        assertEquals("شكرا جزيلا على هذا التقرير", sink.comments.get("104").text());
        assertEquals("2001:db8::1", sink.comments.get("104").ipAddress());

        assertEquals(CommentStatus.SPAM, sink.comments.get("106").status());
        assertEquals(CommentStatus.PENDING, sink.comments.get("201").status());
        assertEquals(CommentStatus.REJECTED, sink.comments.get("202").status());
        assertEquals(CommentStatus.APPROVED, sink.comments.get("204").status());
    }

    @Test
    void takesArticleIdsFromTheChosenField() throws Exception {
        String xml = Fixtures.read("wordpress.xml", "t2");
        assertTrue(read(xml, ArticleIdSource.LINK).articles.containsKey("t2.news.example-2026-12-budget-2026"));
        assertTrue(read(xml, ArticleIdSource.GUID).articles.containsKey("t2.news.example-p-42"));
        assertTrue(read(xml, ArticleIdSource.POST_ID).articles.containsKey("42"));
        assertEquals("e4-b8-ad-e6-96-87", ArticleIdSource.toArticleId("%e4%b8%ad%e6%96%87"));
        assertNull(ArticleIdSource.toArticleId("/// "));
    }

    @Test
    void acceptsEveryWxrVersionAndBothSchemes() throws Exception {
        String xml = Fixtures.read("wordpress.xml", "t3");
        for (String ns : List.of("http://wordpress.org/export/1.0/", "http://wordpress.org/export/1.1/",
                "https://wordpress.org/export/1.2/")) {
            assertEquals(7, read(xml.replace("http://wordpress.org/export/1.2/", ns), ArticleIdSource.SLUG).comments.size(), ns);
        }
    }

    @Test
    void refusesWhatIsNotAWellFormedWxr() {
        String xml = Fixtures.read("wordpress.xml", "t4");
        assertFails(xml.substring(0, xml.length() / 2), "well-formed");
        assertFails(xml.replace("http://wordpress.org/export/1.2/", "http://example.com/export/"), "WXR namespace");
        assertFails("{\"not\": \"xml\"}", "well-formed");
        assertFails("<html><body>hi</body></html>", "RSS");
        assertFails(xml + "<rss/>", "well-formed");
    }

    @Test
    void readsNoEntityOfTheFilesOwn() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><wp:post_name>x</wp:post_name>
                <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>&xxe;</wp:comment_content>
                <wp:comment_approved>1</wp:comment_approved><wp:comment_date_gmt>2019-01-01 00:00:00</wp:comment_date_gmt></wp:comment>
                </item></channel></rss>""";
        assertFails(xxe, "DTD");
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><wp:post_name>x</wp:post_name>
                <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>&lol3;</wp:comment_content></wp:comment>
                </item></channel></rss>""";
        assertFails(laughs, "DTD");
        String undeclared = """
                <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><wp:post_name>x</wp:post_name>
                <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>&nbsp;</wp:comment_content></wp:comment>
                </item></channel></rss>""";
        assertFails(undeclared, "well-formed");
    }

    @Test
    void reportsBrokenCommentsAndGoesOn() throws Exception {
        String xml = """
                <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><wp:post_name>x</wp:post_name>
                <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>no date</wp:comment_content>
                <wp:comment_approved>1</wp:comment_approved></wp:comment>
                <wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_content>odd status</wp:comment_content>
                <wp:comment_approved>maybe</wp:comment_approved><wp:comment_date_gmt>2019-01-01 00:00:00</wp:comment_date_gmt></wp:comment>
                <wp:comment><wp:comment_id>3</wp:comment_id><wp:comment_content>fine</wp:comment_content>
                <wp:comment_approved>1</wp:comment_approved><wp:comment_date_gmt>2019-01-01 00:00:00</wp:comment_date_gmt></wp:comment>
                </item></channel></rss>""";
        RecordingSink sink = read(xml, ArticleIdSource.SLUG);
        assertEquals(List.of("3"), List.copyOf(sink.comments.keySet()));
        assertEquals(2, sink.errors.size());
        assertTrue(sink.errors.get(0).startsWith("2: "), sink.errors.get(0));
    }

    private static void assertFails(String xml, String expected) {
        ImportFailure failure = assertThrows(ImportFailure.class, () -> read(xml, ArticleIdSource.SLUG));
        assertTrue(failure.getMessage().contains(expected), failure.getMessage());
    }
}
