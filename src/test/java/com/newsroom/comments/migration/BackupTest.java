package com.newsroom.comments.migration;

import static com.newsroom.comments.support.Accounts.asAdmin;
import static com.newsroom.comments.support.Accounts.asModerator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.support.Readers;
import com.newsroom.comments.support.TestWords;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class BackupTest {

    @Inject
    DataSource dataSource;

    static String export(String query) {
        return asAdmin().when().get("/api/moderation/export" + (query == null ? "" : "?" + query)).then().statusCode(200)
                .contentType("application/x-ndjson").header("Content-Disposition", containsString("comments-backup.ndjson"))
                .extract().asString();
    }

    static JsonPath restore(String backup) {
        String location = asAdmin().contentType("application/x-ndjson").body(backup.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/moderation/imports/backup").then().statusCode(202).extract().header("Location");
        return ImportResourceTest.waitFor(location);
    }

    /** The lines after the header (which holds the export's time). */
    static List<String> body(String backup) {
        List<String> lines = Arrays.asList(backup.split("\n"));
        assertTrue(lines.get(0).startsWith("{\"type\":\"backup\",\"format\":\"comments-backup\",\"version\":1,"), lines.get(0));
        return lines.subList(1, lines.size());
    }

    /** Removes an article with everything stored about it: a clean state for its ids. */
    void forget(String articleId) throws Exception {
        try (Connection db = dataSource.getConnection()) {
            for (String sql : List.of("delete from comment where article_id = ?", "delete from article_comment_count where article_id = ?",
                    "delete from article where id = ?")) {
                try (PreparedStatement delete = db.prepareStatement(sql)) {
                    delete.setString(1, articleId);
                    delete.executeUpdate();
                }
            }
        }
    }

    @Test
    void anExportRestoredIntoACleanStateExportsTheSame() throws Exception {
        String run = ImportResourceTest.run();
        String article = run + "-budget-2026";
        assertEquals("SUCCEEDED", ImportResourceTest.wordpress(run, null).getString("state"));
        // Moderation data on top of the import: a held comment with its reasons, a moderator's decision, a report.
        String word = TestWords.madeUp("bak");
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "TERMS", "action", "HOLD", "terms", List.of(word), "description", "backup test"))
                .when().post("/api/moderation/rules").then().statusCode(201);
        long held = Readers.post(article, Map.of("name", "Ayşe", "email", "ayse@example.com", "text", "About " + word + " 🧾"))
                .statusCode(201).body("status", equalTo("PENDING")).extract().jsonPath().getLong("id");
        asModerator().when().post("/api/moderation/comments/{id}/approve", held).then().statusCode(200);
        long published = given().when().get("/api/articles/{a}/comments", article).then().extract().jsonPath().getLong("items[0].id");
        Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON).body(Map.of("reason", "ABUSE", "note", "rude", "email", "r@example.com"))
                .when().post("/api/articles/{a}/comments/{id}/reports", article, published).then().statusCode(202);

        String backup = export("articleId=" + article);
        List<String> lines = body(backup);
        assertEquals("{\"type\":\"end\",\"articles\":1,\"comments\":5,\"reports\":1}", lines.get(lines.size() - 1));
        assertTrue(lines.get(0).startsWith("{\"type\":\"article\",\"id\":\"" + article + "\""), lines.get(0));
        String heldLine = lines.stream().filter(l -> l.contains("\"id\":" + held + ",")).findFirst().orElseThrow();
        assertTrue(heldLine.contains("\"status\":\"APPROVED\"") && !heldLine.contains("\"moderatedBy\":null"), heldLine);
        assertTrue(heldLine.contains("\"ruleType\":\"TERMS\"") && heldLine.contains("\"match\":\"" + word + "\""), heldLine);
        assertTrue(backup.contains("\"importSource\":\"wordpress:https://" + run + ".news.example\""), backup);
        JsonPath before = given().when().get("/api/articles/{a}/comments", article).then().extract().jsonPath();

        forget(article);
        asModerator().queryParam("articleId", article).when().get("/api/moderation/comments").then().body("totalItems", equalTo(0));

        JsonPath job = restore(backup);
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals("backup", job.getString("kind"));
        assertEquals(Map.of("APPROVED", 4, "SPAM", 1), job.getMap("counts.comments"));
        assertEquals(1, job.getInt("counts.reports"));
        assertEquals(0, job.getInt("counts.orphans"));
        assertEquals(0, job.getInt("counts.errors"));

        assertEquals(lines, body(export("articleId=" + article)), "the same bytes after the header");
        JsonPath after = given().when().get("/api/articles/{a}/comments", article).then().extract().jsonPath();
        assertEquals(before.getList("items"), after.getList("items"), "the public page: same ids, threads, texts and counts");

        // Into the same database again: nothing added, nothing changed.
        JsonPath again = restore(backup);
        assertEquals("SUCCEEDED", again.getString("state"), again.prettify());
        assertEquals(Map.of(), again.getMap("counts.comments"));
        assertEquals(5, again.getInt("counts.alreadyImported"));
        assertEquals(0, again.getInt("counts.reports"));
        assertEquals(lines, body(export("articleId=" + article)));

        // New comments after a restore get new ids.
        long fresh = Readers.post(article, Map.of("name", "New", "text", "After the restore " + run)).statusCode(201)
                .extract().jsonPath().getLong("id");
        assertTrue(fresh > held);
    }

    @Test
    void filtersSelectCommentsAndBadFiltersAreFieldErrors() {
        String run = ImportResourceTest.run();
        assertEquals("SUCCEEDED", ImportResourceTest.wordpress(run, null).getString("state"));
        List<String> spam = body(export("articleId=" + run + "-budget-2026&status=spam"));
        assertEquals(3, spam.size(), spam.toString());
        assertTrue(spam.get(1).contains("\"status\":\"SPAM\""), spam.get(1));
        List<String> old = body(export("articleId=" + run + "-budget-2026&from=2019-03-04T12:00:00Z&to=2019-03-05T00:00:00Z"));
        assertEquals(4, old.size(), old.toString());

        asAdmin().when().get("/api/moderation/export?status=maybe").then().statusCode(400)
                .contentType(ImportResourceTest.PROBLEM).body("errors[0].field", equalTo("status"));
        asAdmin().when().get("/api/moderation/export?from=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        asAdmin().when().get("/api/moderation/export?articleId=a%20b").then().statusCode(400)
                .body("errors[0].field", equalTo("articleId"));
        asModerator().when().get("/api/moderation/export").then().statusCode(403).contentType(ImportResourceTest.PROBLEM);
        given().when().get("/api/moderation/export").then().statusCode(401);
    }

    @Test
    void aBrokenBackupFailsAndLeavesNothingBehind() throws Exception {
        String run = ImportResourceTest.run();
        String article = run + "-budget-2026";
        assertEquals("SUCCEEDED", ImportResourceTest.wordpress(run, null).getString("state"));
        String backup = export("articleId=" + article);
        forget(article);

        String cut = backup.substring(0, backup.lastIndexOf("{\"type\":\"end\""));
        JsonPath truncated = restore(cut);
        assertEquals("FAILED", truncated.getString("state"));
        assertTrue(truncated.getString("message").contains("end line"), truncated.getString("message"));
        JsonPath missing = restore(backup.replaceFirst("\n\\{\"type\":\"comment\"[^\n]*", ""));
        assertEquals("FAILED", missing.getString("state"));
        assertTrue(missing.getString("message").contains("incomplete"), missing.getString("message"));
        JsonPath notJson = restore(backup.replace("{\"type\":\"end\"", "<end"));
        assertEquals("FAILED", notJson.getString("state"));
        assertTrue(notJson.getString("message").contains("not JSON"), notJson.getString("message"));
        JsonPath wordpress = restore(Fixtures.read("wordpress.xml", run));
        assertEquals("FAILED", wordpress.getString("state"));
        assertTrue(wordpress.getString("message").contains("Not a backup"), wordpress.getString("message"));
        given().when().get("/api/articles/{a}/comments", article).then().body("totalItems", equalTo(0));

        assertEquals("SUCCEEDED", restore(backup).getString("state"));
        given().when().get("/api/articles/{a}/comments", article).then().body("totalItems", equalTo(3));
    }
}
