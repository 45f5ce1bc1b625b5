package com.newsroom.comments.report;

import static com.newsroom.comments.report.ReportResourceTest.accepted;
import static com.newsroom.comments.report.ReportResourceTest.article;
import static com.newsroom.comments.report.ReportResourceTest.published;
import static com.newsroom.comments.report.ReportResourceTest.publicIds;
import static com.newsroom.comments.report.ReportResourceTest.status;
import static com.newsroom.comments.support.Accounts.asModerator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.support.Readers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** What moderators see of readers' reports and what they do with them. */
@QuarkusTest
class ReportModerationTest {

    static void reportWithNote(String article, long id, String ip, String reason, String note, String email) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("reason", reason, "note", note));
        if (email != null) {
            body.put("email", email);
        }
        Readers.from(ip).contentType(ContentType.JSON).body(body)
                .when().post("/api/articles/{a}/comments/{id}/reports", article, id).then().statusCode(202);
    }

    @Test
    void theQueueFiltersReportedCommentsMostReportedFirstWithTheirReports() {
        String article = article();
        long once = published(article);
        long twice = published(article);
        long never = published(article);
        long hidden = published(article);
        accepted(article, once, Readers.uniqueIp(), "OFF_TOPIC", null);
        reportWithNote(article, twice, "10.200.1.1", "ABUSE", "Threatens the mayor", "reader@example.com");
        accepted(article, twice, Readers.uniqueIp(), "SPAM", null);
        for (int i = 0; i < 3; i++) {
            accepted(article, hidden, Readers.uniqueIp(), "ABUSE", null);
        }

        JsonPath page = asModerator().queryParam("reported", "true").queryParam("sort", "reports")
                .queryParam("articleId", article).when().get("/api/moderation/comments")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(hidden, twice, once), page.getList("items.id", Long.class), "any status, most reported first");
        assertEquals(3, page.getInt("totalItems"));
        assertEquals(List.of("PENDING", "APPROVED", "APPROVED"), page.getList("items.status"));
        assertEquals(2, page.getInt("items[1].reports.count"));
        assertEquals(Map.of("ABUSE", 1, "SPAM", 1), page.getMap("items[1].reports.reasons"));
        assertEquals("Threatens the mayor", page.getString("items[1].reports.reports[0].note"));
        assertEquals("reader@example.com", page.getString("items[1].reports.reports[0].email"));
        assertEquals("10.200.1.1", page.getString("items[1].reports.reports[0].ipAddress"));
        assertTrue(!page.getList("items.id", Long.class).contains(never));

        // With a status, only that status (oldest first by default); unreported comments carry no reports.
        asModerator().queryParam("reported", "true").queryParam("status", "APPROVED").queryParam("articleId", article)
                .when().get("/api/moderation/comments").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) once, (int) twice)));
        asModerator().queryParam("status", "APPROVED").queryParam("articleId", article).when().get("/api/moderation/comments")
                .then().body("items.find { it.id == " + never + " }.reports", nullValue())
                .body("items.find { it.id == " + once + " }.reports.count", equalTo(1));
        asModerator().queryParam("reported", "maybe").when().get("/api/moderation/comments").then().statusCode(400)
                .body("errors[0].field", equalTo("reported"));
        asModerator().queryParam("sort", "loudest").when().get("/api/moderation/comments").then().statusCode(400);
        asModerator().when().get("/api/moderation/comments/{id}", hidden).then().body("reports.count", equalTo(3));
    }

    @Test
    void aCommentsReportsAndTheirDismissal() {
        String article = article();
        long id = published(article);
        reportWithNote(article, id, Readers.uniqueIp(), "PERSONAL_INFO", "Her home address", null);
        accepted(article, id, Readers.uniqueIp(), "ABUSE", null);
        asModerator().when().get("/api/moderation/comments/{id}/reports", id).then().statusCode(200)
                .body("reason", equalTo(List.of("PERSONAL_INFO", "ABUSE")))
                .body("[0].note", equalTo("Her home address"))
                .body("[0].resolvedAt", nullValue());

        asModerator().contentType(ContentType.JSON).body(Map.of("note", "Public office address"))
                .when().post("/api/moderation/comments/{id}/reports/dismiss", id).then().statusCode(200)
                .body("commentId", equalTo((int) id)).body("dismissed", equalTo(2));
        assertEquals("APPROVED", status(id), "the comment stays as it is");
        assertTrue(publicIds(article).contains(id));
        asModerator().when().get("/api/moderation/comments/{id}/reports", id).then()
                .body("resolution", equalTo(List.of("DISMISSED", "DISMISSED")))
                .body("resolvedBy", hasItem("test-moderator"));
        asModerator().queryParam("reported", "true").queryParam("articleId", article).when().get("/api/moderation/comments")
                .then().body("totalItems", equalTo(0));
        asModerator().queryParam("commentId", id).when().get("/api/moderation/audit").then()
                .body("items.find { it.action == 'DISMISS_REPORTS' }.details", equalTo("Dismissed 2 open reports"))
                .body("items.find { it.action == 'DISMISS_REPORTS' }.note", equalTo("Public office address"))
                .body("items.find { it.action == 'DISMISS_REPORTS' }.actor", equalTo("test-moderator"));
        // Dismissed reporters do not count again; a dismissal with nothing open changes nothing.
        accepted(article, id, Readers.uniqueIp(), "ABUSE", null);
        asModerator().when().post("/api/moderation/comments/{id}/reports/dismiss", id).then().statusCode(200)
                .body("dismissed", equalTo(1));
        asModerator().when().post("/api/moderation/comments/{id}/reports/dismiss", id).then().statusCode(200)
                .body("dismissed", equalTo(0));
        asModerator().when().get("/api/moderation/comments/{id}/reports", 999_999_999L).then().statusCode(404);
        asModerator().when().post("/api/moderation/comments/{id}/reports/dismiss", 999_999_999L).then().statusCode(404);
        given().when().get("/api/moderation/comments/{id}/reports", id).then().statusCode(401);
        given().when().post("/api/moderation/comments/{id}/reports/dismiss", id).then().statusCode(401);
    }

    @Test
    void rejectingAHiddenCommentResolvesItsReportsAndHoldingDoesNot() {
        String article = article();
        long id = published(article);
        accepted(article, id, Readers.uniqueIp(), "ABUSE", null);
        asModerator().contentType(ContentType.JSON).body("{}").when().post("/api/moderation/comments/{id}/hold", id)
                .then().statusCode(200);
        asModerator().when().get("/api/moderation/comments/{id}", id).then().body("reports.count", equalTo(1));
        asModerator().contentType(ContentType.JSON).body("{}").when().post("/api/moderation/comments/{id}/reject", id)
                .then().statusCode(200);
        asModerator().when().get("/api/moderation/comments/{id}/reports", id).then()
                .body("resolution", equalTo(List.of("REJECT")));
        asModerator().when().get("/api/moderation/comments/{id}", id).then().body("$", not(org.hamcrest.Matchers.hasKey("reports")));
    }

    @Test
    void statsCountReportsByReasonAndHiddenComments() {
        String article = article();
        long id = published(article);
        long other = published(article);
        for (int i = 0; i < 3; i++) {
            accepted(article, id, Readers.uniqueIp(), i == 0 ? "SPAM" : "OTHER", null);
        }
        accepted(article, other, Readers.uniqueIp(), "OTHER", null);
        asModerator().queryParam("articleId", article).when().get("/api/moderation/stats").then().statusCode(200)
                .body("reports.open.SPAM", equalTo(1)).body("reports.open.OTHER", equalTo(3))
                .body("reports.open.ABUSE", equalTo(0)).body("reports.total.OTHER", equalTo(3))
                .body("reports.hiddenComments", equalTo(1));
        asModerator().when().post("/api/moderation/comments/{id}/reports/dismiss", other).then().statusCode(200);
        asModerator().queryParam("articleId", article).when().get("/api/moderation/stats").then()
                .body("reports.open.OTHER", equalTo(2)).body("reports.total.OTHER", equalTo(3));
        asModerator().when().get("/api/moderation/stats").then().statusCode(200)
                .body("reports.hiddenComments", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }
}
