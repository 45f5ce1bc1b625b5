package com.newsroom.comments.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.support.Accounts;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** An admin's changes of a moderator account are in the audit log, by the admin, naming the account. */
@QuarkusTest
class AccountAuditTest {

    static final String ACTIONS = "MODERATOR_CREATE,MODERATOR_ROLE,MODERATOR_DISABLE,MODERATOR_ENABLE,MODERATOR_DELETE,"
            + "PASSWORD_CHANGE,SIGN_OUT_EVERYWHERE";

    @Test
    void createRoleDisableEnablePasswordSignOutAndDeleteAreRecorded() {
        String user = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        Accounts.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", "a long pass phrase one", "role", "moderator"))
                .when().post("/api/moderation/moderators").then().statusCode(201);
        patch(user, Map.of("role", "admin"));
        patch(user, Map.of("enabled", false));
        patch(user, Map.of("enabled", true));
        patch(user, Map.of("password", "a long pass phrase two"));
        Accounts.asAdmin().when().delete("/api/moderation/moderators/{u}/sessions", user).then().statusCode(204);
        Accounts.asAdmin().when().delete("/api/moderation/moderators/{u}", user).then().statusCode(204);
        // A change refused (an unknown role) writes nothing.
        Accounts.asAdmin().contentType(ContentType.JSON).body(Map.of("username", user + "-x", "password", "a long pass phrase x",
                "role", "owner")).when().post("/api/moderation/moderators").then().statusCode(400);

        List<Map<String, Object>> entries = Accounts.asAdmin().queryParam("actor", Accounts.ADMIN).queryParam("action", ACTIONS)
                .queryParam("size", 100).when().get("/api/moderation/audit").then().statusCode(200)
                .extract().jsonPath().getList("items");
        List<String> mine = new ArrayList<>(entries.stream()
                .filter(e -> String.valueOf(e.get("details")).matches("(account|for) " + user + "(-x)?\\b.*"))
                .map(e -> e.get("action") + " " + e.get("details")).toList());
        Collections.reverse(mine); // oldest first
        assertEquals(List.of(
                "MODERATOR_CREATE account " + user + ": moderator",
                "MODERATOR_ROLE account " + user + ": moderator → admin",
                "MODERATOR_DISABLE account " + user,
                "MODERATOR_ENABLE account " + user,
                "PASSWORD_CHANGE for " + user + ", 0 sessions ended",
                "SIGN_OUT_EVERYWHERE for " + user + ", 0 sessions ended",
                "MODERATOR_DELETE account " + user), mine);
    }

    static void patch(String user, Map<String, Object> body) {
        Accounts.asAdmin().contentType(ContentType.JSON).body(body)
                .when().patch("/api/moderation/moderators/{u}", user).then().statusCode(200);
    }
}
