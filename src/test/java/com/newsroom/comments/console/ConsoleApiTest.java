package com.newsroom.comments.console;

import static com.newsroom.comments.support.Accounts.asAdmin;
import static com.newsroom.comments.support.Accounts.asModerator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.support.Accounts;
import com.newsroom.comments.support.Readers;
import com.newsroom.comments.support.TestWords;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The API the moderator console's views read: rule hits, articles with counts, audit filters. */
@QuarkusTest
class ConsoleApiTest {

    static final String PROBLEM = "application/problem+json";

    static long holdRule(String term) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "TERMS", "action", "HOLD", "terms", List.of(term), "description", "console test"))
                .when().post("/api/moderation/rules").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long post(String articleId, String text, String status) {
        return Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON)
                .body(Map.of("name", "Ayşe", "text", text)).when().post("/api/articles/{a}/comments", articleId)
                .then().statusCode(201).body("status", equalTo(status)).extract().jsonPath().getLong("id");
    }

    @Test
    void ruleHitsCountStoredCommentsAndRuleChangesAreAudited() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String term = TestWords.madeUp("qx");
        long rule = holdRule(term);
        String articleId = "console-hits-" + UUID.randomUUID();
        post(articleId, "First " + term, "PENDING");
        post(articleId, "Second " + term + " again", "PENDING");
        post(articleId, "Nothing to see", "APPROVED");

        asModerator().when().get("/api/moderation/rules/hits").then().statusCode(200)
                .body("find { it.ruleId == " + rule + " }.hits", equalTo(2))
                .body("find { it.ruleId == " + rule + " }.lastHitAt", notNullValue());

        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "TERMS", "action", "SPAM", "enabled", false, "terms", List.of(term)))
                .when().put("/api/moderation/rules/{id}", rule).then().statusCode(200)
                .body("updatedBy", equalTo(Accounts.ADMIN));
        asAdmin().when().delete("/api/moderation/rules/{id}", rule).then().statusCode(204);

        asModerator().queryParam("action", "rule_create, RULE_UPDATE,RULE_DELETE").queryParam("from", before.toString())
                .queryParam("size", 100).when().get("/api/moderation/audit").then().statusCode(200)
                .body("items.findAll { it.details.startsWith('rule=" + rule + ",') }.action",
                        equalTo(List.of("RULE_DELETE", "RULE_UPDATE", "RULE_CREATE")))
                .body("items.findAll { it.details.startsWith('rule=" + rule + ",') }.actor", everyItem(equalTo(Accounts.ADMIN)))
                .body("items.find { it.action == 'RULE_UPDATE' && it.details.startsWith('rule=" + rule + ",') }.details",
                        containsString("action=SPAM, enabled=false"));
        asModerator().when().get("/api/moderation/rules/hits").then().statusCode(200)
                .body("find { it.ruleId == " + rule + " }.hits", equalTo(2)); // the stored reasons outlive the rule
    }

    @Test
    void articlesListTheirCommentCountsAndState() {
        String term = TestWords.madeUp("qv");
        holdRule(term);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String articleId = "Console-Counts-" + tag;
        post(articleId, "Fine comment", "APPROVED");
        post(articleId, "Another fine one", "APPROVED");
        post(articleId, "Held: " + term, "PENDING");

        asModerator().queryParam("q", "console-COUNTS-" + tag).when().get("/api/moderation/articles").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items", hasSize(1))
                .body("items[0].id", equalTo(articleId))
                .body("items[0].comments.approved", equalTo(2)).body("items[0].comments.pending", equalTo(1))
                .body("items[0].comments.spam", equalTo(0)).body("items[0].acceptingComments", equalTo(true))
                .body("items[0].closingAt", nullValue());
        asModerator().queryParam("q", "no-such-article-" + tag).when().get("/api/moderation/articles").then()
                .statusCode(200).body("totalItems", equalTo(0));
        asModerator().when().get("/api/moderation/articles/{a}", articleId).then().statusCode(200)
                .body("comments.approved", equalTo(2));
    }

    @Test
    void articlesCloseAtADateAndReopenByClearingIt() {
        String articleId = "console-close-" + UUID.randomUUID();
        post(articleId, "Before closing", "APPROVED");
        Instant past = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        asModerator().contentType(ContentType.JSON).body(Map.of("closesAt", past.toString(), "closeAfterDays", 30))
                .when().put("/api/moderation/articles/{a}", articleId).then().statusCode(200)
                .body("acceptingComments", equalTo(false)).body("closingAt", equalTo(past.toString()));
        Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON).body(Map.of("name", "Ali", "text", "Too late"))
                .when().post("/api/articles/{a}/comments", articleId).then().statusCode(403);

        asModerator().contentType(ContentType.JSON)
                .body(Map.of("commentsOpen", true, "clear", List.of("closesAt", "closeAfterDays")))
                .when().put("/api/moderation/articles/{a}", articleId).then().statusCode(200)
                .body("acceptingComments", equalTo(true)).body("closesAt", nullValue())
                .body("closeAfterDays", nullValue());
        post(articleId, "Open again", "APPROVED");

        asModerator().contentType(ContentType.JSON).body(Map.of("clear", List.of("commentsOpen")))
                .when().put("/api/moderation/articles/{a}", articleId).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("clear"));
    }

    @Test
    void theAuditLogFiltersByActionArticleModeratorCommentAndDate() {
        String articleId = "console-audit-" + UUID.randomUUID();
        long comment = post(articleId, "To be rejected", "APPROVED");
        asModerator().contentType(ContentType.JSON).body("{}").when()
                .post("/api/moderation/comments/{id}/reject", comment).then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body(Map.of("premoderate", true))
                .when().put("/api/moderation/articles/{a}", articleId).then().statusCode(200);

        asModerator().queryParam("articleId", articleId).when().get("/api/moderation/audit").then().statusCode(200)
                .body("items.action", equalTo(List.of("ARTICLE_SETTINGS", "REJECT")));
        asModerator().queryParam("articleId", articleId).queryParam("action", "REJECT").when().get("/api/moderation/audit")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].commentId", equalTo((int) comment))
                .body("items[0].actor", equalTo(Accounts.MODERATOR));
        asModerator().queryParam("articleId", articleId).queryParam("actor", Accounts.ADMIN).when()
                .get("/api/moderation/audit").then().statusCode(200).body("items.action", equalTo(List.of("ARTICLE_SETTINGS")));
        asModerator().queryParam("commentId", comment).queryParam("action", "APPROVE").when().get("/api/moderation/audit")
                .then().statusCode(200).body("items", hasSize(0));
        asModerator().queryParam("articleId", articleId).queryParam("to", "2000-01-01").when().get("/api/moderation/audit")
                .then().statusCode(200).body("totalItems", equalTo(0));
        asModerator().queryParam("action", "REJECT;drop").when().get("/api/moderation/audit").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("action"));
        asModerator().queryParam("action", "APPROVE").queryParam("size", 5).when().get("/api/moderation/audit").then()
                .statusCode(200).body("items.action", everyItem(equalTo("APPROVE")));
        asModerator().when().get("/api/moderation/audit").then().statusCode(200).body("items.action", hasItem(notNullValue()));
    }
}
