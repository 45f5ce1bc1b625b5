package com.newsroom.comments.bots;

import static com.newsroom.comments.support.Accounts.asModerator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import com.newsroom.comments.support.Readers;

/** The honeypot and the time trap through the public API (proof of work: ProofOfWorkTest). */
@QuarkusTest
class BotsTest {

    /** application.properties' test key: tokens made here are the service's own. */
    static final String TEST_KEY = "test-only-bots-hmac-key-not-a-secret";
    static final FormTokens TOKENS = new FormTokens(new BotKeys(List.of(TEST_KEY)), Duration.ofSeconds(3), Duration.ofDays(1));

    static String article() {
        return "bots-" + UUID.randomUUID();
    }

    static Map<String, Object> comment(Object... more) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Reader " + UUID.randomUUID(),
                "text", "A thoughtful comment " + UUID.randomUUID()));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    static long id(io.restassured.response.ValidatableResponse response) {
        return response.extract().jsonPath().getLong("id");
    }

    @Test
    void theFormTokenEndpointSaysWhatTheFormNeeds() {
        String articleId = article();
        given().when().get("/api/articles/{a}/form-token", articleId).then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("formToken", matchesPattern("\\d+\\.[A-Za-z0-9_-]{12}\\.[A-Za-z0-9_-]{43}"))
                .body("honeypotField", equalTo("email_confirm"))
                .body("proofOfWork", equalTo(false))
                .body("minSeconds", equalTo(3));
        given().when().get("/api/articles/{a}/form-token", "bad id!").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aFilledHoneypotIsSpamAnsweredLikeAnyHeldComment() {
        String articleId = article();
        long id = id(Readers.post(articleId, comment("email_confirm", "bot@example.com")).statusCode(201)
                .body("status", equalTo("PENDING")).body("message", equalTo("Your comment is awaiting moderation.")));
        asModerator().when().get("/api/moderation/comments/{id}", id).then().statusCode(200)
                .body("status", equalTo("SPAM"))
                .body("reasons", hasSize(1))
                .body("reasons[0].type", equalTo("BOT"))
                .body("reasons[0].field", equalTo("email_confirm"))
                .body("reasons[0].action", equalTo("SPAM"))
                .body("reasons[0].detail", startsWith("honeypot"));
    }

    @Test
    void aFilledHoneypotInAPlainFormIsSpamToo() {
        String articleId = article();
        long id = Readers.from(Readers.uniqueIp()).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("name", "Form Bot").formParam("text", "Visit my site " + UUID.randomUUID())
                .formParam("email_confirm", "x").formParam("redirect", "https://news.example.com/a")
                .when().post("/api/articles/{a}/comments", articleId).then().statusCode(303)
                .header("Location", containsString("commentStatus=PENDING"))
                .extract().header("Location").replaceAll(".*commentId=(\\d+).*", "$1").transform(Long::parseLong);
        asModerator().when().get("/api/moderation/comments/{id}", id).then().statusCode(200)
                .body("status", equalTo("SPAM")).body("reasons[0].type", equalTo("BOT"));
        // An empty honeypot (what people send) is nothing.
        Readers.from(Readers.uniqueIp()).contentType(ContentType.URLENC)
                .formParam("name", "Person").formParam("text", "Fine " + UUID.randomUUID()).formParam("email_confirm", "")
                .when().post("/api/articles/{a}/comments", articleId).then().statusCode(201).body("status", equalTo("APPROVED"));
    }

    @Test
    void aCommentSentTooSoonAfterItsFormTokenIsHeld() {
        String articleId = article();
        // Issued "in a minute": too soon whatever the load on the machine running this test.
        String token = TOKENS.issue(articleId, Instant.now().plusSeconds(60));
        long id = id(Readers.post(articleId, comment("formToken", token)).statusCode(201).body("status", equalTo("PENDING")));
        asModerator().when().get("/api/moderation/comments/{id}", id).then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("reasons[0].type", equalTo("BOT"))
                .body("reasons[0].field", equalTo("formToken"))
                .body("reasons[0].action", equalTo("HOLD"))
                .body("reasons[0].detail", startsWith("too fast"));
    }

    @Test
    void aTokenOlderThanTheMinimumPassesAndOneOlderThanADayIsHeld() {
        String articleId = article();
        Readers.post(articleId, comment("formToken", TOKENS.issue(articleId, Instant.now().minusSeconds(10))))
                .statusCode(201).body("status", equalTo("APPROVED"));
        long id = id(Readers.post(articleId, comment("formToken", TOKENS.issue(articleId, Instant.now().minus(Duration.ofDays(2)))))
                .statusCode(201).body("status", equalTo("PENDING")));
        asModerator().when().get("/api/moderation/comments/{id}", id).then().statusCode(200)
                .body("reasons[0].type", equalTo("BOT")).body("reasons[0].detail", startsWith("too old"));
    }

    @Test
    void aForgedTokenIsRefusedWith400() {
        String articleId = article();
        String forged = new FormTokens(new BotKeys(List.of("some-other-key-0123456789")), Duration.ofSeconds(3), Duration.ofDays(1))
                .issue(articleId, Instant.now().minusSeconds(10));
        String otherArticle = TOKENS.issue(article(), Instant.now().minusSeconds(10));
        for (Object token : new Object[] { forged, otherArticle, "garbage", "1.2.3", 42 }) {
            Readers.post(articleId, comment("formToken", token)).statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("formToken"))
                    .body("errors[0].code", equalTo("formToken.invalid"));
        }
        // The other fields' errors come in the same answer.
        Readers.post(articleId, Map.of("formToken", "garbage", "text", "no name")).statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "formToken"));
        given().when().get("/api/articles/{a}/comments", articleId).then().body("totalItems", equalTo(0));
    }

    @Test
    void theDryRunShowsTheBotReasons() {
        String articleId = article();
        asModerator().contentType(ContentType.JSON)
                .body(Map.of("articleId", articleId, "name", "Ali", "text", "Hello", "honeypot", "filled",
                        "formToken", TOKENS.issue(articleId, Instant.now())))
                .when().post("/api/moderation/check").then().statusCode(200)
                .body("decision", equalTo("SPAM"))
                .body("reasons.type", org.hamcrest.Matchers.everyItem(equalTo("BOT")))
                .body("reasons.detail", org.hamcrest.Matchers.hasItems(startsWith("honeypot"), startsWith("too fast")));
        asModerator().contentType(ContentType.JSON).body(Map.of("articleId", articleId, "name", "Ali", "text", "Hello"))
                .when().post("/api/moderation/check").then().statusCode(200).body("decision", equalTo("APPROVED"));
    }

    @Test
    void botHitsAreCountedByKind() {
        Readers.post(article(), comment("email_confirm", "filled")).statusCode(201);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.matches("(?s).*comments_bot_hits_total\\{[^}]*kind=\"honeypot\"[^}]*} [1-9].*"), "honeypot counter");
        assertTrue(metrics.contains("kind=\"too_fast\""), "too-fast counter registered");
        assertTrue(metrics.matches("(?s).*moderation_rule_hits_total\\{[^}]*type=\"BOT\"[^}]*} [1-9].*"), "BOT rule hits");
    }
}
