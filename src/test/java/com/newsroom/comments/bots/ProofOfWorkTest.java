package com.newsroom.comments.bots;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import com.newsroom.comments.support.Challenges;
import com.newsroom.comments.support.Readers;

/** Proof of work required on every submission: 400 without a valid, unused solution, 201 with one. */
@QuarkusTest
@TestProfile(ProofOfWorkTest.Required.class)
public class ProofOfWorkTest {

    public static class Required implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("comments.bots.proof-of-work", "required");
        }
    }

    /** A challenge from the service, solved here as the widget solves it: the ALTCHA payload. */
    static String solvedChallenge() {
        given().when().get("/api/challenge").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .body("algorithm", equalTo("SHA-256"))
                .body("maxnumber", equalTo(100000))
                .body("salt", matchesPattern("[0-9a-f]{24}\\?expires=\\d+&"));
        return Challenges.solved(given());
    }

    static Map<String, Object> comment(Object... more) {
        return BotsTest.comment(more);
    }

    static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFormTokenSaysProofOfWorkIsNeeded() {
        given().when().get("/api/articles/{a}/form-token", BotsTest.article()).then().statusCode(200)
                .body("proofOfWork", equalTo(true));
    }

    @Test
    void withoutASolutionTheSubmissionIsRefused() {
        Readers.post(BotsTest.article(), comment()).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("altcha"))
                .body("errors[0].code", equalTo("altcha.required"))
                .body("errors[0].message", equalTo("Please wait a moment: your browser has not finished the anti-spam check."));
    }

    @Test
    void aSolvedChallengeIsAcceptedOnceAndItsReplayRefused() {
        String articleId = BotsTest.article();
        String solution = solvedChallenge();
        Readers.post(articleId, comment("altcha", solution)).statusCode(201).body("status", equalTo("APPROVED"));
        Readers.post(articleId, comment("altcha", solution)).statusCode(400)
                .body("errors[0].field", equalTo("altcha"))
                .body("errors[0].code", equalTo("altcha.invalid"));
        // The same solution in a plain form post is a replay too.
        Readers.from(Readers.uniqueIp()).contentType(io.restassured.http.ContentType.URLENC)
                .formParam("name", "Form").formParam("text", "Form " + UUID.randomUUID()).formParam("altcha", solution)
                .when().post("/api/articles/{a}/comments", articleId).then().statusCode(400)
                .body("errors[0].code", equalTo("altcha.invalid"));
        given().when().get("/api/articles/{a}/comments", articleId).then().body("totalItems", equalTo(1));
    }

    @Test
    void aSolutionIsNotSpentByASubmissionWithOtherErrors() {
        String articleId = BotsTest.article();
        String solution = solvedChallenge();
        Readers.post(articleId, Map.of("text", "no name", "altcha", solution)).statusCode(400)
                .body("errors[0].field", equalTo("name"));
        Readers.post(articleId, comment("altcha", solution)).statusCode(201);
    }

    @Test
    void malformedOrForgedSolutionsAre400NeverA500() {
        String articleId = BotsTest.article();
        String good = new String(Base64.getDecoder().decode(solvedChallenge()), StandardCharsets.UTF_8);
        for (Object altcha : new Object[] { "not base64 !!", base64("not json"), base64("[]"), base64("{\"number\": 1}"),
                base64(good.replace("SHA-256", "SHA-512")), base64(good.replaceFirst("\"number\":\\d+", "\"number\":\"7\"")),
                base64(good.replaceFirst("\"signature\":\"[0-9a-f]", "\"signature\":\"x")), 42, "A".repeat(3000) }) {
            Readers.post(articleId, comment("altcha", altcha)).statusCode(400)
                    .body("errors[0].field", equalTo("altcha"))
                    .body("errors[0].code", equalTo("altcha.invalid"));
        }
        // Each error in its place, all at once.
        Readers.post(articleId, Map.of("altcha", "x", "formToken", "y")).statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "text", "formToken", "altcha"));
    }
}
