package com.newsroom.comments.migration;

import static com.newsroom.comments.support.Accounts.asAdmin;
import static com.newsroom.comments.support.Accounts.asModerator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.support.Readers;
import com.newsroom.comments.support.TestWords;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ImportResourceTest {

    static final String PROBLEM = "application/problem+json";

    static String run() {
        return "imp" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Posts an import and waits for it to end; returns the finished job. */
    static JsonPath importFile(String path, String body, String query) {
        String location = asAdmin().contentType("application/xml").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(path + (query == null ? "" : "?" + query))
                .then().statusCode(202).header("Location", containsString("/api/moderation/imports/"))
                .body("state", equalTo("RUNNING")).extract().header("Location");
        return waitFor(location);
    }

    static JsonPath waitFor(String location) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonPath job = asAdmin().when().get(location).then().statusCode(200).extract().jsonPath();
            String state = job.getString("state");
            if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("The import did not end within a minute: " + location);
    }

    static JsonPath wordpress(String run, String query) {
        return importFile("/api/moderation/imports/wordpress", Fixtures.read("wordpress.xml", run), query);
    }

    @Test
    void importsAWordPressExportWithThreadsStatusesAndDates() {
        String run = run();
        String article = run + "-budget-2026";
        // A public page read (and cached) before the import must show the comments after it.
        given().when().get("/api/articles/{a}/comments", article).then().statusCode(200).body("totalItems", equalTo(0));

        JsonPath job = wordpress(run, null);

        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals(100.0, job.getDouble("progress"));
        assertEquals(2, job.getInt("counts.articles"));
        assertEquals(Map.of("APPROVED", 4, "PENDING", 1, "SPAM", 1, "REJECTED", 1), job.getMap("counts.comments"));
        assertEquals(Map.of("pingback", 1, "trackback", 1), job.getMap("counts.skipped"));
        assertEquals(0, job.getInt("counts.errors"));
        assertEquals(0, job.getInt("counts.orphans"));

        JsonPath page = given().when().get("/api/articles/{a}/comments", article).then().statusCode(200)
                .body("totalItems", equalTo(3)).extract().jsonPath();
        // Oldest first, by the original dates.
        assertEquals(List.of("Hamdi Fırat Büyük", "محمد", "Recep Tayyip Erdoğan"), page.getList("items.name"));
        assertEquals("Teşekkürler! <b>Bold</b> & <script>alert(1)</script> stays as text 😀", page.getString("items[0].text"));
        assertEquals("2019-03-04T12:34:56Z", page.getString("items[0].createdAt"));
        assertEquals("2019-03-05T10:00:00Z", page.getString("items[2].createdAt"));
        long hamdi = page.getLong("items[0].id");
        long mohamed = page.getLong("items[1].id");
        assertEquals(hamdi, page.getLong("items[1].parentId"));
        assertEquals(mohamed, page.getLong("items[2].parentId"), "a reply that came before its parent in the file");
        assertTrue(page.getString("items[2].text").endsWith("Fish & chips <3 🐟"));

        asModerator().queryParam("articleId", article).queryParam("status", "SPAM").when().get("/api/moderation/comments")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].email", equalTo("spam@spam.example"))
                .body("items[0].ipAddress", equalTo("192.0.2.66"));
        asModerator().queryParam("articleId", article).queryParam("status", "APPROVED").queryParam("email", "hamdi@example.com")
                .when().get("/api/moderation/comments").then().statusCode(200).body("items", hasSize(1));
        asModerator().queryParam("articleId", run + "-closed-story").queryParam("status", "REJECTED")
                .when().get("/api/moderation/comments").then().statusCode(200).body("items[0].name", equalTo("Troll"));

        // The closed post's article is closed; the open one takes new comments, without flood checks in the way.
        Readers.post(run + "-closed-story", Map.of("name", "Late", "text", "Too late " + run)).statusCode(403);
        Readers.post(article, Map.of("name", "New", "text", "A new comment " + run)).statusCode(201);
    }

    @Test
    void importingTheSameFileTwiceAddsNothing() {
        String run = run();
        JsonPath first = wordpress(run, null);
        assertEquals("SUCCEEDED", first.getString("state"), first.prettify());
        JsonPath again = wordpress(run, null);
        assertEquals("SUCCEEDED", again.getString("state"), again.prettify());
        assertEquals(Map.of(), again.getMap("counts.comments"));
        assertEquals(7, again.getInt("counts.alreadyImported"));
        given().when().get("/api/articles/{a}/comments", run + "-budget-2026").then().body("totalItems", equalTo(3));

        // A later export with one more reply to an imported comment: only the reply is new, in its thread.
        String later = Fixtures.read("wordpress.xml", run).replaceFirst("</item>", """
                <wp:comment><wp:comment_id>107</wp:comment_id><wp:comment_author>Late reader</wp:comment_author>
                <wp:comment_date_gmt>2019-04-01 00:00:00</wp:comment_date_gmt><wp:comment_content>Later reply</wp:comment_content>
                <wp:comment_approved>1</wp:comment_approved><wp:comment_parent>101</wp:comment_parent></wp:comment></item>""");
        JsonPath third = importFile("/api/moderation/imports/wordpress", later, null);
        assertEquals(Map.of("APPROVED", 1), third.getMap("counts.comments"), third.prettify());
        assertEquals(7, third.getInt("counts.alreadyImported"));
        JsonPath page = given().when().get("/api/articles/{a}/comments", run + "-budget-2026").then()
                .body("totalItems", equalTo(4)).extract().jsonPath();
        assertEquals(page.getLong("items[0].id"), page.getLong("items.find { it.text == 'Later reply' }.parentId"));
    }

    @Test
    void aMalformedFileFailsAndLeavesNothingBehind() {
        String run = run();
        String xml = Fixtures.read("wordpress.xml", run);
        // Cut inside the second post: the first post's comments were read, and must not stay.
        JsonPath truncated = importFile("/api/moderation/imports/wordpress", xml.substring(0, xml.indexOf("Waiting for")), null);
        assertEquals("FAILED", truncated.getString("state"));
        assertTrue(truncated.getString("message").contains("well-formed"), truncated.getString("message"));
        given().when().get("/api/articles/{a}/comments", run + "-budget-2026").then().body("totalItems", equalTo(0));
        asModerator().queryParam("articleId", run + "-budget-2026").queryParam("status", "SPAM")
                .when().get("/api/moderation/comments").then().body("items", hasSize(0));

        String xxe = xml.replace("<rss version", "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<rss version")
                .replace("Teşekkürler!", "&xxe;");
        JsonPath external = importFile("/api/moderation/imports/wordpress", xxe, null);
        assertEquals("FAILED", external.getString("state"));
        assertTrue(external.getString("message").contains("DTD"), external.getString("message"));

        JsonPath wrong = importFile("/api/moderation/imports/wordpress",
                xml.replace("http://wordpress.org/export/1.2/", "http://example.com/not-wordpress/"), null);
        assertEquals("FAILED", wrong.getString("state"));
        assertTrue(wrong.getString("message").contains("WXR namespace"), wrong.getString("message"));
        given().when().get("/api/articles/{a}/comments", run + "-budget-2026").then().body("totalItems", equalTo(0));

        // The service takes imports again after failures.
        assertEquals("SUCCEEDED", wordpress(run, null).getString("state"));
    }

    @Test
    void moderateRunsTheRulesOnApprovedComments() {
        String run = run();
        String word = TestWords.madeUp("imp");
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "TERMS", "action", "HOLD", "terms", List.of(word), "description", "import test"))
                .when().post("/api/moderation/rules").then().statusCode(201);
        String xml = Fixtures.read("wordpress.xml", run).replace("Teşekkürler!", "Teşekkürler " + word + "!");
        JsonPath job = importFile("/api/moderation/imports/wordpress", xml, "moderate=true&articleId=post_id");
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals(3, job.getInt("counts.comments.APPROVED"));
        assertEquals(2, job.getInt("counts.comments.PENDING"));
        assertEquals("articleId=post_id moderate=true", job.getString("options"));
    }

    @Test
    void aMultipartUploadWorksLikeTheBody() {
        String run = run();
        String location = asAdmin().multiPart("file", "export.xml", Fixtures.read("wordpress.xml", run).getBytes(StandardCharsets.UTF_8),
                "application/xml").when().post("/api/moderation/imports/wordpress").then().statusCode(202)
                .extract().header("Location");
        assertEquals("SUCCEEDED", waitFor(location).getString("state"));
        given().when().get("/api/articles/{a}/comments", run + "-budget-2026").then().body("totalItems", equalTo(3));
    }

    @Test
    void onlyAdminsImport() {
        given().contentType("application/xml").body("<rss/>").when().post("/api/moderation/imports/wordpress")
                .then().statusCode(401).contentType(PROBLEM);
        asModerator().contentType("application/xml").body("<rss/>").when().post("/api/moderation/imports/wordpress")
                .then().statusCode(403).contentType(PROBLEM);
        asAdmin().contentType("application/xml").body("<rss/>").when().post("/api/moderation/imports/wordpress?articleId=title")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("articleId"));
        asAdmin().when().get("/api/moderation/imports/999999999").then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("999999999")).body("errors", nullValue());
    }
}
