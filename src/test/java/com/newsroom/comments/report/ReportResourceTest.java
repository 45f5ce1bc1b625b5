package com.newsroom.comments.report;

import static com.newsroom.comments.support.Accounts.asModerator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.support.Readers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class ReportResourceTest {

    static final String PROBLEM = "application/problem+json";

    static String article() {
        return "reports-" + UUID.randomUUID();
    }

    /** A published comment on {@code articleId}; returns its id. */
    static long published(String articleId) {
        return Readers.post(articleId, Map.of("name", "Ayşe", "text", "A plain opinion " + UUID.randomUUID()))
                .statusCode(201).body("status", equalTo("APPROVED")).extract().jsonPath().getLong("id");
    }

    static ValidatableResponse report(String articleId, long id, String ip, String reason, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("reason", reason));
        if (email != null) {
            body.put("email", email);
        }
        return Readers.from(ip).contentType(ContentType.JSON).body(body)
                .when().post("/api/articles/{a}/comments/{id}/reports", articleId, id).then();
    }

    static void accepted(String articleId, long id, String ip, String reason, String email) {
        report(articleId, id, ip, reason, email).statusCode(202)
                .body("message", equalTo("Thank you. A moderator will look at this comment."));
    }

    static List<Long> publicIds(String articleId) {
        return given().when().get("/api/articles/{a}/comments", articleId).then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
    }

    static String status(long id) {
        return asModerator().when().get("/api/moderation/comments/{id}", id).then().statusCode(200)
                .extract().jsonPath().getString("status");
    }

    @Test
    void threeReportersHideTheCommentFromReadersAndTheCachedPageAtOnce() {
        String article = article();
        long id = published(article);
        long other = published(article);
        assertEquals(List.of(id, other), publicIds(article)); // now cached
        accepted(article, id, Readers.uniqueIp(), "ABUSE", null);
        accepted(article, id, Readers.uniqueIp(), "abuse", "first@example.com");
        assertEquals(List.of(id, other), publicIds(article), "two reporters are below the threshold");
        assertEquals("APPROVED", status(id));

        accepted(article, id, Readers.uniqueIp(), "SPAM", null);
        assertEquals(List.of(other), publicIds(article));
        given().when().get("/api/articles/{a}/comments", article).then().body("totalItems", equalTo(1));
        given().when().get("/api/articles/{a}/comments/{id}", article, id).then().statusCode(404);
        asModerator().when().get("/api/moderation/comments/{id}", id).then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("reasons.type", hasItem("REPORTS"))
                .body("reasons.find { it.type == 'REPORTS' }.detail", equalTo("Reported by 3 readers: SPAM 1, ABUSE 2"))
                .body("reasons.find { it.type == 'REPORTS' }.action", equalTo("HOLD"));
        asModerator().queryParam("commentId", id).when().get("/api/moderation/audit").then().statusCode(200)
                .body("items.action", hasItem("HIDE_REPORTED"))
                .body("items.find { it.action == 'HIDE_REPORTED' }.actor", equalTo("REPORTS"))
                .body("items.find { it.action == 'HIDE_REPORTED' }.toStatus", equalTo("PENDING"));
        // A hidden comment is no longer published: it cannot be reported.
        report(article, id, Readers.uniqueIp(), "ABUSE", null).statusCode(404).contentType(PROBLEM);
    }

    @Test
    void oneEmailCountsOnceFromEveryAddress() {
        String article = article();
        long id = published(article);
        accepted(article, id, Readers.uniqueIp(), "ABUSE", "same@example.com");
        accepted(article, id, Readers.uniqueIp(), "ABUSE", "Same@Example.com ");
        accepted(article, id, Readers.uniqueIp(), "OTHER", "same@example.com");
        assertEquals("APPROVED", status(id));
        accepted(article, id, Readers.uniqueIp(), "ABUSE", null);
        assertEquals("APPROVED", status(id));
        accepted(article, id, Readers.uniqueIp(), "ABUSE", "another@example.com");
        assertEquals("PENDING", status(id), "the e-mail counted once, with two others: three");
    }

    @Test
    void oneAddressCountsOnceWithOrWithoutEmails() {
        String article = article();
        long id = published(article);
        String ip = Readers.uniqueIp();
        accepted(article, id, ip, "ABUSE", null);
        accepted(article, id, ip, "ABUSE", null);
        accepted(article, id, ip, "SPAM", "one@example.com");
        accepted(article, id, ip, "SPAM", "two@example.com");
        assertEquals("APPROVED", status(id), "four reports from one address are one reporter");
        accepted(article, id, Readers.uniqueIp(), "ABUSE", null);
        assertEquals("APPROVED", status(id));
        accepted(article, id, Readers.uniqueIp(), "ABUSE", null);
        assertEquals("PENDING", status(id));
    }

    @Test
    void aReasonWithItsOwnThresholdHidesSooner() {
        // %test.comments.reports.reason-thresholds.personal-info=2
        String article = article();
        long id = published(article);
        accepted(article, id, Readers.uniqueIp(), "PERSONAL_INFO", null);
        accepted(article, id, Readers.uniqueIp(), "ABUSE", null);
        assertEquals("APPROVED", status(id));
        accepted(article, id, Readers.uniqueIp(), "PERSONAL_INFO", null);
        assertEquals("PENDING", status(id));
        assertTrue(asModerator().when().get("/api/moderation/comments/{id}", id).then().extract().jsonPath()
                .getString("reasons.find { it.type == 'REPORTS' }.detail").contains("PERSONAL_INFO 2"));
    }

    @Test
    void approvedAfterReportsItNeedsTheThresholdAgainFromNewReporters() {
        String article = article();
        long id = published(article);
        List<String> reporters = List.of(Readers.uniqueIp(), Readers.uniqueIp(), Readers.uniqueIp());
        reporters.forEach(ip -> accepted(article, id, ip, "ABUSE", null));
        assertEquals("PENDING", status(id));
        asModerator().contentType(ContentType.JSON).body("{}").when()
                .post("/api/moderation/comments/{id}/approve", id).then().statusCode(200).body("status", equalTo("APPROVED"));
        assertTrue(publicIds(article).contains(id));
        asModerator().queryParam("commentId", id).when().get("/api/moderation/audit").then()
                .body("items.find { it.action == 'APPROVE' }.details", equalTo("Resolved 3 open reports"));

        reporters.forEach(ip -> accepted(article, id, ip, "ABUSE", null));
        assertEquals("APPROVED", status(id), "the same reporters do not count again");
        accepted(article, id, Readers.uniqueIp(), "ABUSE", null);
        accepted(article, id, Readers.uniqueIp(), "ABUSE", null);
        assertEquals("APPROVED", status(id), "two new reporters are below the threshold");
        accepted(article, id, Readers.uniqueIp(), "ABUSE", null);
        assertEquals("PENDING", status(id));
        assertTrue(!publicIds(article).contains(id));
    }

    @Test
    void onlyPublishedCommentsOfTheArticleCanBeReported() {
        String article = article();
        long id = published(article);
        report(article, id + 1_000_000, Readers.uniqueIp(), "ABUSE", null).statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("no published comment"));
        report(article(), id, Readers.uniqueIp(), "ABUSE", null).statusCode(404).contentType(PROBLEM);
        asModerator().contentType(ContentType.JSON).body("{}").when()
                .post("/api/moderation/comments/{id}/hold", id).then().statusCode(200);
        report(article, id, Readers.uniqueIp(), "ABUSE", null).statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badFieldsAreFieldErrorsAllAtOnce() {
        String article = article();
        long id = published(article);
        Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON)
                .body(Map.of("reason", "BORING", "note", "x".repeat(501), "email", "not-an-address"))
                .when().post("/api/articles/{a}/comments/{id}/reports", article, id).then()
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://comments.newsroom.dev/problems/validation"))
                .body("errors.field", equalTo(List.of("reason", "note", "email")))
                .body("errors[1].message", containsString("at most 500 characters"))
                .body("errors[2].message", equalTo("You have entered an incorrect email address!"));
        Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/articles/{a}/comments/{id}/reports", article, id).then()
                .statusCode(400).body("errors.field", equalTo(List.of("reason")));
        Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON).body("{\"reason\": ")
                .when().post("/api/articles/{a}/comments/{id}/reports", article, id).then()
                .statusCode(400).contentType(PROBLEM);
        Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON).body(Map.of("reason", "ABUSE", "note", "ok " + "y".repeat(490)))
                .when().post("/api/articles/{a}/comments/{id}/reports", article, id).then().statusCode(202);
    }

    @Test
    void aPlainFormReportsToo() {
        String article = article();
        long id = published(article);
        Readers.from(Readers.uniqueIp()).contentType(ContentType.URLENC)
                .formParam("reason", "OFF_TOPIC").formParam("note", "Nothing to do with the budget").formParam("email", "")
                .when().post("/api/articles/{a}/comments/{id}/reports", article, id).then()
                .statusCode(202).body("message", equalTo("Thank you. A moderator will look at this comment."));
        Readers.from(Readers.uniqueIp()).contentType(ContentType.URLENC).formParam("reason", "")
                .when().post("/api/articles/{a}/comments/{id}/reports", article, id).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("reason")));
    }

    static ValidatableResponse reportForm(String articleId, long id, String body) {
        return Readers.from(Readers.uniqueIp()).contentType("application/x-www-form-urlencoded; charset=UTF-8").body(body)
                .when().post("/api/articles/{a}/comments/{id}/reports", articleId, id).then();
    }

    @Test
    void aHostileFormIsA400ProblemAsForComments() {
        String article = article();
        long id = published(article);
        reportForm(article, id, "reason=%zz&note=%").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("form"))
                .body("detail", containsString("not properly encoded"));
        StringBuilder many = new StringBuilder("reason=ABUSE");
        for (int i = 0; i < 1200; i++) {
            many.append("&f").append(i).append("=x");
        }
        reportForm(article, id, many.toString()).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("form")).body("detail", containsString("more than 32 fields"));
        reportForm(article, id, "reason=ABUSE&note=a%00b").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("note"));
        reportForm(article, id, "reason=ABUSE&email=a%00b%40example.com").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("email"));
        reportForm(article, id, "reas%00on=ABUSE").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("form"));
    }

    @Test
    void anOversizedFormFieldIsA413ProblemAsForComments() {
        String article = article();
        long id = published(article);
        reportForm(article, id, "reason=ABUSE&note=" + "a".repeat(300 * 1024)).statusCode(413).contentType(PROBLEM)
                .body("status", equalTo(413)).body("detail", containsString("256 KiB"));
        reportForm(article, id, "reason=ABUSE&note=" + "%C4%9F".repeat(140_000)).statusCode(413).contentType(PROBLEM);
        // Below the body limit, a long note is the note's own field error.
        reportForm(article, id, "reason=ABUSE&note=" + "a".repeat(10_000)).statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("note"))).body("errors[0].message", containsString("at most 500 characters"));
    }

    @Test
    void aLongNonAsciiNoteFitsInAFormUpToItsLimit() {
        String article = article();
        long id = published(article);
        // 500 characters: 1,500 bytes of UTF-8 and 4,500 percent-encoded, over the 2 KB a form attribute gets by default.
        String note = "Bu yorum tehdit içeriyor ğüşöç ".repeat(17).substring(0, 480) + "😀".repeat(20);
        assertEquals(500, note.codePointCount(0, note.length()));
        reportForm(article, id, "reason=ABUSE&note=" + java.net.URLEncoder.encode(note, java.nio.charset.StandardCharsets.UTF_8))
                .statusCode(202).body("message", equalTo("Thank you. A moderator will look at this comment."));
        asModerator().when().get("/api/moderation/comments/{id}/reports", id).then().statusCode(200)
                .body("note", hasItem(note));
        reportForm(article, id, "reason=ABUSE&note=" + java.net.URLEncoder.encode(note + "ğ", java.nio.charset.StandardCharsets.UTF_8))
                .statusCode(400).body("errors.field", equalTo(List.of("note")));
    }

    @Test
    void aReporterSendingTooManyReportsIsSlowedDown() {
        String article = article();
        long id = published(article);
        String ip = Readers.uniqueIp();
        for (int i = 0; i < 10; i++) { // comments.reports.max-per-window
            accepted(article, id, ip, "SPAM", null);
        }
        report(article, id, ip, "SPAM", null).statusCode(429).contentType(PROBLEM)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", containsString("many reports"));
        int retryAfter = Integer.parseInt(report(article, id, ip, "SPAM", null).extract().header("Retry-After"));
        assertTrue(retryAfter > 500 && retryAfter <= 600, "within the 10-minute window: " + retryAfter);
        // The e-mail key counts too, whatever address it comes from.
        String email = "busy-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 10; i++) {
            accepted(article, id, Readers.uniqueIp(), "SPAM", email);
        }
        report(article, id, Readers.uniqueIp(), "SPAM", email).statusCode(429);
        // Another reporter is not slowed down.
        accepted(article, id, Readers.uniqueIp(), "SPAM", null);
    }

    @Test
    void erasingAnAuthorErasesTheReportsTheyMade() {
        String article = article();
        long id = published(article);
        String email = "erase-" + UUID.randomUUID() + "@example.com";
        accepted(article, id, Readers.uniqueIp(), "ABUSE", email);
        accepted(article, id, Readers.uniqueIp(), "ABUSE", null);
        asModerator().when().delete("/api/moderation/authors/{email}", email).then().statusCode(200);
        asModerator().queryParam("actor", com.newsroom.comments.support.Accounts.MODERATOR).queryParam("size", 100)
                .when().get("/api/moderation/audit").then()
                .body("items.details", hasItem("Erased an author's data: 0 comments, 1 reports"));
        // The erased report no longer counts: one more reporter leaves two.
        accepted(article, id, Readers.uniqueIp(), "ABUSE", null);
        assertEquals("APPROVED", status(id));
    }

    @Test
    void reportsAreCountedInTheMetrics() {
        String article = article();
        long id = published(article);
        double before = counter("comments_reports_total{reason=\"OFF_TOPIC\"");
        accepted(article, id, Readers.uniqueIp(), "OFF_TOPIC", null);
        assertEquals(before + 1, counter("comments_reports_total{reason=\"OFF_TOPIC\""), 0.001);
        double hidden = counter("comments_hidden_by_reports_total");
        accepted(article, id, Readers.uniqueIp(), "OFF_TOPIC", null);
        accepted(article, id, Readers.uniqueIp(), "OFF_TOPIC", null);
        assertEquals(hidden + 1, counter("comments_hidden_by_reports_total"), 0.001);
    }

    static double counter(String prefix) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(0.0);
    }
}
