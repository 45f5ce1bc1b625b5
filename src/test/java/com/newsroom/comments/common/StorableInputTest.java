package com.newsroom.comments.common;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import com.newsroom.comments.support.Accounts;
import com.newsroom.comments.support.Readers;

/**
 * NUL, unpaired surrogates and dates PostgreSQL cannot store are 400 field errors on every input, from
 * readers and from moderators: JSON fields, path and query parameters, plain-text bodies.
 */
@QuarkusTest
class StorableInputTest {

    static final String PROBLEM = "application/problem+json";

    static String article() {
        return "storable-" + UUID.randomUUID();
    }

    @Test
    void readersJsonWithNulOrALoneSurrogateIsAFieldError() {
        Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON)
                .body("{\"name\": \"Ali\", \"text\": \"Hello\", \"website\": \"https://example.com/\\u0000\"}")
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("website"))
                .body("errors[0].message", containsString("cannot be stored"));
        Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON)
                .body("{\"name\": \"Ali\", \"text\": \"Hello \\ud800 there\"}")
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
    }

    @Test
    void readersWebsiteWithAControlCharacterIsAFieldErrorOfTheValidator() {
        Readers.post(article(), Map.of("name", "Ali", "text", "Hello", "website", "https://example.com/\u0007"))
                .statusCode(400).body("errors[0].field", equalTo("website"))
                .body("errors[0].message", containsString("cannot be stored"));
    }

    @Test
    void moderatorQueryParametersWithNulAreFieldErrors() {
        for (String name : new String[] { "q", "email", "ip", "articleId" }) {
            Accounts.asModerator().queryParam(name, "a\u0000b").when().get("/api/moderation/comments")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(name));
        }
        Accounts.asModerator().queryParam("actor", "a\u0000b").when().get("/api/moderation/audit")
                .then().statusCode(400).body("errors[0].field", equalTo("actor"));
        Accounts.asModerator().queryParam("articleId", "a\u0000b").when().get("/api/moderation/stats")
                .then().statusCode(400).body("errors[0].field", equalTo("articleId"));
    }

    @Test
    void pathParametersWithNulAreFieldErrors() {
        Accounts.asAdmin().when().delete("/api/moderation/authors/{email}", "a\u0000@example.com")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("email"));
        Accounts.asAdmin().contentType(ContentType.JSON).body(Map.of("role", "moderator"))
                .when().patch("/api/moderation/moderators/{username}", "x\u0000y")
                .then().statusCode(400).body("errors[0].field", equalTo("username"));
        Accounts.asModerator().when().get("/api/moderation/articles/{id}", "a\u0000b").then().statusCode(400);
    }

    @Test
    void moderatorJsonWithNulIsAFieldError() {
        RequestSpecification admin = Accounts.asAdmin().contentType(ContentType.JSON);
        admin.body("{\"type\": \"TERMS\", \"terms\": [\"fine\"], \"description\": \"a\\u0000b\"}")
                .when().post("/api/moderation/rules")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("description"));
        Accounts.asAdmin().contentType(ContentType.JSON).body("{\"type\": \"TERMS\", \"terms\": [\"a\\u0000b\"]}")
                .when().post("/api/moderation/rules")
                .then().statusCode(400).body("errors[0].field", equalTo("terms.[0]"));
        Accounts.asAdmin().contentType("text/plain").body("fine\nbad\u0000word\n")
                .when().post("/api/moderation/rules/import")
                .then().statusCode(400).body("errors[0].field", equalTo("terms"));
        long id = Readers.post(article(), Map.of("name", "Ali", "text", "Note me")).statusCode(201).extract().jsonPath().getLong("id");
        Accounts.asModerator().contentType(ContentType.JSON).body("{\"note\": \"n\\u0000\"}")
                .when().post("/api/moderation/comments/{id}/hold", id)
                .then().statusCode(400).body("errors[0].field", equalTo("note"));
        Accounts.asModerator().contentType(ContentType.JSON).body("{\"text\": \"t\\u0000\"}")
                .when().patch("/api/moderation/comments/{id}", id)
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
    }

    @Test
    void datesBeyondWhatPostgresqlStoresAreFieldErrors() {
        Accounts.asModerator().queryParam("from", "+300000-01-01T00:00:00Z").when().get("/api/moderation/comments")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("from"))
                .body("errors[0].message", containsString("between the years 1 and 9999"));
        Accounts.asModerator().queryParam("to", "+300000-01-01T00:00:00Z").when().get("/api/moderation/audit")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        String articleId = article();
        for (String field : new String[] { "closesAt", "publishedAt" }) {
            Accounts.asModerator().contentType(ContentType.JSON)
                    .body("{\"commentsOpen\": true, \"" + field + "\": \"+300000-01-01T00:00:00Z\"}")
                    .when().put("/api/moderation/articles/{id}", articleId)
                    .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field));
        }
        Accounts.asModerator().contentType(ContentType.JSON)
                .body("{\"commentsOpen\": true, \"closesAt\": \"9999-12-31T00:00:00Z\"}")
                .when().put("/api/moderation/articles/{id}", articleId)
                .then().statusCode(200);
    }
}
