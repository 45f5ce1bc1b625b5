package com.newsroom.comments.migration;

import static com.newsroom.comments.support.Accounts.asAdmin;
import static com.newsroom.comments.support.Accounts.asModerator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.support.Accounts;
import com.newsroom.comments.support.Readers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class AuthorExportTest {

    @Test
    void exportsEverythingStoredAboutAnAuthorAndAuditsIt() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "author-" + run + "@example.com";
        String article = "author-export-" + run;
        String ip = Readers.uniqueIp();
        long first = Readers.from(ip).header("User-Agent", "TestBrowser/" + run).contentType(ContentType.JSON)
                .body(Map.of("name", "Ayşe Yılmaz", "email", email.toUpperCase(), "text", "Merhaba 👋 " + run))
                .when().post("/api/articles/{a}/comments", article).then().statusCode(201).extract().jsonPath().getLong("id");
        long other = Readers.post(article, Map.of("name", "Someone else", "text", "Another comment " + run))
                .statusCode(201).extract().jsonPath().getLong("id");
        String reportIp = Readers.uniqueIp();
        Readers.from(reportIp).contentType(ContentType.JSON).body(Map.of("reason", "SPAM", "email", email, "note", "looks like spam"))
                .when().post("/api/articles/{a}/comments/{id}/reports", article, other).then().statusCode(202);
        asModerator().contentType(ContentType.JSON).body(Map.of("note", "checked " + run))
                .when().post("/api/moderation/comments/{id}/hold", first).then().statusCode(200);

        JsonPath data = asModerator().when().get("/api/moderation/authors/{email}/export", email).then().statusCode(200)
                .header("Content-Disposition", containsString("attachment")).extract().jsonPath();

        assertEquals(email, data.getString("email"));
        assertEquals(List.of(first), data.getList("comments.id", Long.class));
        assertEquals("Merhaba 👋 " + run, data.getString("comments[0].text"));
        assertEquals("PENDING", data.getString("comments[0].status"));
        assertEquals(ip, data.getString("comments[0].ipAddress"));
        assertEquals("TestBrowser/" + run, data.getString("comments[0].userAgent"));
        assertEquals(List.of(other), data.getList("reports.commentId", Long.class));
        assertEquals("looks like spam", data.getString("reports[0].note"));
        assertTrue(data.getList("ipAddresses").containsAll(List.of(ip, reportIp)), data.getList("ipAddresses").toString());
        assertEquals(List.of("TestBrowser/" + run), data.getList("userAgents"));
        assertEquals("checked " + run, data.getString("auditEntries.find { it.action == 'HOLD' }.note"));

        asAdmin().queryParam("actor", Accounts.MODERATOR).when().get("/api/moderation/audit").then().statusCode(200)
                .body("items.find { it.action == 'EXPORT_AUTHOR' }.details", equalTo("Exported an author's data: 1 comments, 1 reports"));
    }

    @Test
    void needsAnAddressAndAModerator() {
        asModerator().when().get("/api/moderation/authors/{email}/export", "nobody").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("email"));
        given().when().get("/api/moderation/authors/{email}/export", "a@example.com").then().statusCode(401);
        asModerator().when().get("/api/moderation/authors/{email}/export", "unknown-" + UUID.randomUUID() + "@example.com")
                .then().statusCode(200).body("comments.size()", equalTo(0));
        // The erasure on the neighbouring path still answers.
        asModerator().when().delete("/api/moderation/authors/{email}", "unknown-" + UUID.randomUUID() + "@example.com")
                .then().statusCode(200).body("erasedComments", equalTo(0));
    }
}
