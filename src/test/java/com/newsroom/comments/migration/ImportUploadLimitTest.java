package com.newsroom.comments.migration;

import static com.newsroom.comments.support.Accounts.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Migration files sent as the body pass quarkus.http.limits.max-body-size (4M) up to
 * comments.imports.max-body (8M in tests), declared or chunked; every other route keeps the small limit.
 */
@QuarkusTest
class ImportUploadLimitTest {

    static final int MAX_BODY = 4 * 1024 * 1024;

    /** A WXR of one post with {@code comments} comments of about 1 KiB each. */
    static byte[] wxr(String run, int comments) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
                <wp:base_site_url>https://%s.news.example</wp:base_site_url>
                <item><wp:post_name>%s-big</wp:post_name>
                """.formatted(run, run));
        String text = "Ç".repeat(400) + " 😀 " + "x".repeat(400);
        for (int i = 1; i <= comments; i++) {
            xml.append("<wp:comment><wp:comment_id>").append(i).append("</wp:comment_id><wp:comment_author>Reader ").append(i)
                    .append("</wp:comment_author><wp:comment_date_gmt>2019-01-01 00:00:00</wp:comment_date_gmt><wp:comment_content>")
                    .append(text).append("</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>\n");
        }
        return xml.append("</item></channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aDeclaredBodyOverMaxBodySizeImports() {
        String run = ImportResourceTest.run();
        byte[] body = wxr(run, 5200);
        assertTrue(body.length > MAX_BODY + 512 * 1024 && body.length < 8 * 1024 * 1024, "length " + body.length);
        String location = asAdmin().contentType("application/xml").body(body).when().post("/api/moderation/imports/wordpress")
                .then().statusCode(202).extract().header("Location");
        JsonPath job = ImportResourceTest.waitFor(location);
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals(body.length, job.getLong("bytesTotal"));
        assertEquals(5200, job.getInt("counts.comments.APPROVED"));
        given().when().get("/api/articles/{a}/comments", run + "-big").then().body("totalItems", equalTo(5200));
    }

    @Test
    void aChunkedBodyOverMaxBodySizeImports() {
        String run = ImportResourceTest.run();
        byte[] body = wxr(run, 5000);
        String location = asAdmin().contentType("application/xml").body(new ByteArrayInputStream(body))
                .when().post("/api/moderation/imports/wordpress").then().statusCode(202).extract().header("Location");
        JsonPath job = ImportResourceTest.waitFor(location);
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals(body.length, job.getLong("bytesTotal"));
    }

    @Test
    void overTheImportLimitIsRefusedAndOtherRoutesKeepTheSmallLimit() {
        byte[] huge = wxr(ImportResourceTest.run(), 9000);
        assertTrue(huge.length > 8 * 1024 * 1024);
        asAdmin().contentType("application/xml").body(huge).when().post("/api/moderation/imports/disqus")
                .then().statusCode(413).contentType(ImportResourceTest.PROBLEM).body("detail", containsString("8192 KiB"));

        byte[] words = "word\n".repeat(MAX_BODY / 5 + 1000).getBytes(StandardCharsets.UTF_8);
        asAdmin().contentType("text/plain").body(words).when().post("/api/moderation/rules/import?action=SPAM")
                .then().statusCode(413);
        asAdmin().contentType("text/plain").body(new ByteArrayInputStream(words)).when().post("/api/moderation/rules/import?action=SPAM")
                .then().statusCode(413);
        // A form's file stays under max-body-size.
        asAdmin().multiPart("file", "export.xml", wxr(ImportResourceTest.run(), 4500), "application/xml")
                .when().post("/api/moderation/imports/wordpress").then().statusCode(413);
    }
}
