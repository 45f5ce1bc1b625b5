package com.newsroom.comments.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Signed-in requests for tests: the configured first admin, and a moderator the admin creates. */
public final class Accounts {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String MODERATOR = "test-moderator";
    public static final String MODERATOR_PASSWORD = "test-moderator-password";

    private Accounts() {
    }

    public static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    /** Creates the moderator account on first use (409 means it is there already). */
    public static RequestSpecification asModerator() {
        ensure(MODERATOR, MODERATOR_PASSWORD, "moderator");
        return given().auth().preemptive().basic(MODERATOR, MODERATOR_PASSWORD);
    }

    public static void ensure(String username, String password, String role) {
        int status = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "role", role))
                .when().post("/api/moderation/moderators").then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Could not create moderator " + username + ": " + status);
        }
    }
}
