package com.newsroom.comments.migration;

import static com.newsroom.comments.support.Accounts.asAdmin;
import static com.newsroom.comments.support.Accounts.asModerator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.support.Readers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class DisqusImportTest {

    static final String PATH = "/api/moderation/imports/disqus";

    static JsonPath disqus(String xml, String query) {
        return ImportResourceTest.importFile(PATH, xml, query);
    }

    @Test
    void importsADisqusExportWithThreadsStatusesAndDates() {
        String run = ImportResourceTest.run();
        String article = run + "-budget-2026";
        given().when().get("/api/articles/{a}/comments", article).then().statusCode(200).body("totalItems", equalTo(0));

        JsonPath job = disqus(Fixtures.read("disqus.xml", run), null);

        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals("disqus", job.getString("kind"));
        assertEquals("articleId=identifier moderate=false", job.getString("options"));
        assertEquals(3, job.getInt("counts.articles"));
        assertEquals(Map.of("APPROVED", 5, "SPAM", 1, "REJECTED", 1), job.getMap("counts.comments"));
        assertEquals(0, job.getInt("counts.errors"));
        assertEquals(0, job.getInt("counts.orphans"));

        JsonPath page = given().when().get("/api/articles/{a}/comments", article).then().statusCode(200)
                .body("totalItems", equalTo(3)).extract().jsonPath();
        assertEquals(List.of("Hamdi Fırat Büyük", "محمد", "Recep Tayyip Erdoğan"), page.getList("items.name"));
        assertEquals("Teşekkürler! Bold & <script>alert(1)</script> stays as text 😀\n\nSecond line\nthird line",
                page.getString("items[0].text"));
        assertEquals("2019-03-04T12:34:56Z", page.getString("items[0].createdAt"));
        assertEquals(page.getLong("items[0].id"), page.getLong("items[1].parentId"));
        assertEquals(page.getLong("items[1].id"), page.getLong("items[2].parentId"), "a reply that came before its parent");

        asModerator().queryParam("articleId", article).queryParam("status", "SPAM").when().get("/api/moderation/comments")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].email", equalTo("spam@spam.example"))
                .body("items[0].ipAddress", equalTo("192.0.2.66"));
        String elections = run + ".news.example-2026-12-elections";
        long deleted = asModerator().queryParam("articleId", elections).queryParam("status", "REJECTED")
                .when().get("/api/moderation/comments").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].name", equalTo("Troll")).extract().jsonPath().getLong("items[0].id");
        given().when().get("/api/articles/{a}/comments", elections).then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].parentId", equalTo((int) deleted));

        Readers.post(run + "-closed-story", Map.of("name", "Late", "text", "Too late " + run)).statusCode(403);
        Readers.post(article, Map.of("name", "New", "text", "A new comment " + run)).statusCode(201);
    }

    @Test
    void importingTheSameFileTwiceAddsNothingAndALaterExportOnlyItsNewPosts() {
        String run = ImportResourceTest.run();
        String xml = Fixtures.read("disqus.xml", run);
        assertEquals("SUCCEEDED", disqus(xml, null).getString("state"));
        JsonPath again = disqus(xml, null);
        assertEquals("SUCCEEDED", again.getString("state"), again.prettify());
        assertEquals(Map.of(), again.getMap("counts.comments"));
        assertEquals(7, again.getInt("counts.alreadyImported"));

        String later = xml.replace("</disqus>", """
                <post dsq:id="9000010"><id/><message><![CDATA[<p>Later reply</p>]]></message>
                <createdAt>2019-05-01T00:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
                <author><name>Late reader</name></author><thread dsq:id="7000001"/><parent dsq:id="9000001"/></post>
                </disqus>""");
        JsonPath third = disqus(later, null);
        assertEquals(Map.of("APPROVED", 1), third.getMap("counts.comments"), third.prettify());
        JsonPath page = given().when().get("/api/articles/{a}/comments", run + "-budget-2026").then()
                .body("totalItems", equalTo(4)).extract().jsonPath();
        assertEquals(page.getLong("items[0].id"), page.getLong("items.find { it.text == 'Later reply' }.parentId"));
    }

    @Test
    void articleIdsFromLinksAndAFormUpload() {
        String run = ImportResourceTest.run();
        String location = asAdmin().multiPart("file", "export.xml", Fixtures.read("disqus.xml", run).getBytes(StandardCharsets.UTF_8),
                "application/xml").queryParam("articleId", "link").when().post(PATH).then().statusCode(202)
                .extract().header("Location");
        JsonPath job = ImportResourceTest.waitFor(location);
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals("articleId=link moderate=false", job.getString("options"));
        given().when().get("/api/articles/{a}/comments", run + ".news.example-2026-12-budget-2026").then()
                .body("totalItems", equalTo(3));
        asAdmin().contentType("application/xml").body("<disqus/>").when().post(PATH + "?articleId=slug")
                .then().statusCode(400).contentType(ImportResourceTest.PROBLEM).body("errors[0].field", equalTo("articleId"));
        asModerator().contentType("application/xml").body("<disqus/>").when().post(PATH)
                .then().statusCode(403).contentType(ImportResourceTest.PROBLEM);
    }

    @Test
    void hostileOrBrokenFilesFailAndLeaveNothingBehind() {
        String run = ImportResourceTest.run();
        String xml = Fixtures.read("disqus.xml", run);
        // Cut after the first posts were read: none of them may stay.
        JsonPath truncated = disqus(xml.substring(0, xml.indexOf("Removed by a moderator")), null);
        assertEquals("FAILED", truncated.getString("state"));
        assertTrue(truncated.getString("message").contains("well-formed"), truncated.getString("message"));

        String xxe = xml.replace("<disqus xmlns", "<!DOCTYPE disqus [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<disqus xmlns")
                .replace("Teşekkürler!", "&xxe;");
        JsonPath external = disqus(xxe, null);
        assertEquals("FAILED", external.getString("state"));
        assertTrue(external.getString("message").contains("DTD"), external.getString("message"));

        JsonPath wordpress = disqus(Fixtures.read("wordpress.xml", run), null);
        assertEquals("FAILED", wordpress.getString("state"));
        assertTrue(wordpress.getString("message").contains("Not a Disqus export"), wordpress.getString("message"));

        given().when().get("/api/articles/{a}/comments", run + "-budget-2026").then().body("totalItems", equalTo(0));
        asModerator().queryParam("articleId", run + "-budget-2026").queryParam("status", "SPAM")
                .when().get("/api/moderation/comments").then().body("items", hasSize(0));
        assertEquals("SUCCEEDED", disqus(xml, null).getString("state"));
    }
}
