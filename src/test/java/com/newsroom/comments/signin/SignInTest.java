package com.newsroom.comments.signin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.support.Accounts;
import com.newsroom.comments.support.JwtKeys;
import com.newsroom.comments.support.Readers;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Sessions, HTTP Basic for scripts, throttling, the cross-site check, password changes, the audit entries
 * and the last-admin guard, through the API on PostgreSQL. Each test uses accounts and client addresses
 * (X-Forwarded-For, trusted in tests) of its own, so throttling in one never touches another.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeys.class)
class SignInTest {

    static final String PROBLEM = "application/problem+json";
    static final String PASSWORD = "a perfectly long pass phrase";
    /** Another site that CORS allows (the test profile's COMMENTS_CORS_ORIGINS default), not this service's host. */
    static final String OTHER_SITE = "http://localhost:8080";

    @Inject
    SignInService signIn;

    @Inject
    MeterRegistry registry;

    static String account(String role) {
        String username = "signin-" + UUID.randomUUID().toString().substring(0, 12);
        Accounts.ensure(username, PASSWORD, role);
        return username;
    }

    static Response signIn(String ip, String username, String password) {
        return Readers.from(ip).contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .when().post("/api/moderation/session");
    }

    static String cookie(String ip, String username, String password) {
        Response response = signIn(ip, username, password);
        response.then().statusCode(200);
        return response.getCookie(Sessions.COOKIE);
    }

    static RequestSpecification withCookie(String cookie) {
        return given().cookie(Sessions.COOKIE, cookie).header("X-Requested-With", "XMLHttpRequest");
    }

    // ---------------------------------------------------------------- sessions

    @Test
    void signInSetsAStrictHttpOnlyCookieThatSignsRequestsIn() {
        String user = account("moderator");
        Response response = signIn(Readers.uniqueIp(), user, PASSWORD);
        response.then().statusCode(200).contentType(ContentType.JSON)
                .body("username", equalTo(user))
                .body("roles", equalTo(List.of("moderator")))
                .body("expiresAt", notNullValue());
        Instant expiresAt = Instant.parse(response.jsonPath().getString("expiresAt"));
        assertTrue(expiresAt.isAfter(Instant.now().plus(Duration.ofMinutes(29))), "30 minutes idle timeout: " + expiresAt);
        String setCookie = response.getHeader("Set-Cookie");
        assertTrue(setCookie.startsWith(Sessions.COOKIE + "="), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP: " + setCookie);
        String cookie = response.getCookie(Sessions.COOKIE);
        assertTrue(cookie.length() >= 43, "256 random bits");

        withCookie(cookie).when().get("/api/moderation/session").then().statusCode(200)
                .body("username", equalTo(user)).body("roles", equalTo(List.of("moderator")))
                .body("expiresAt", notNullValue());
        withCookie(cookie).when().get("/api/moderation/stats").then().statusCode(200);
        withCookie(cookie).when().get("/api/moderation/moderators").then().statusCode(403).contentType(PROBLEM);
        given().when().get("/api/moderation/session").then().statusCode(401).contentType(PROBLEM);
        given().cookie(Sessions.COOKIE, "made-up-token").when().get("/api/moderation/stats").then().statusCode(401)
                .contentType(PROBLEM);
    }

    @Test
    void theCookieIsSecureWhenTheProxySaysHttps() {
        String user = account("moderator");
        String setCookie = Readers.from(Readers.uniqueIp()).header("X-Forwarded-Proto", "https").contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", PASSWORD)).when().post("/api/moderation/session")
                .then().statusCode(200).extract().header("Set-Cookie");
        assertTrue(setCookie.contains("Secure"), setCookie);
    }

    @Test
    void aPlainFormSignsInToo() {
        String user = account("admin");
        Readers.from(Readers.uniqueIp()).contentType(ContentType.URLENC).formParam("username", user)
                .formParam("password", PASSWORD).when().post("/api/moderation/session").then().statusCode(200)
                .cookie(Sessions.COOKIE, notNullValue())
                .body("roles", equalTo(List.of("admin", "moderator")));
    }

    static io.restassured.response.ValidatableResponse signInForm(String body) {
        return Readers.from(Readers.uniqueIp()).contentType("application/x-www-form-urlencoded; charset=UTF-8").body(body)
                .when().post("/api/moderation/session").then();
    }

    @Test
    void aHostileSignInFormIsA4xxProblemNeverA500() {
        signInForm("username=%zz&password=%").statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("form"));
        StringBuilder many = new StringBuilder("username=admin&password=x");
        for (int i = 0; i < 1200; i++) {
            many.append("&f").append(i).append("=x");
        }
        signInForm(many.toString()).statusCode(400).contentType(PROBLEM).body("detail", containsString("more than 32 fields"));
        signInForm("username=ad%00min&password=x").statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("username"));
        signInForm("username=admin&password=" + "a".repeat(300 * 1024)).statusCode(413).contentType(PROBLEM);
        String user = account("moderator");
        signInForm("username=" + user + "&password=" + java.net.URLEncoder.encode("ğ".repeat(2_000), java.nio.charset.StandardCharsets.UTF_8))
                .statusCode(401).contentType(PROBLEM);
    }

    @Test
    void signOutEndsTheSessionAtOnce() {
        String user = account("moderator");
        String cookie = cookie(Readers.uniqueIp(), user, PASSWORD);
        String other = cookie(Readers.uniqueIp(), user, PASSWORD);
        withCookie(cookie).when().get("/api/moderation/stats").then().statusCode(200);
        String cleared = withCookie(cookie).when().delete("/api/moderation/session").then().statusCode(204)
                .extract().header("Set-Cookie");
        assertTrue(cleared.contains("Max-Age=0"), cleared);
        withCookie(cookie).when().get("/api/moderation/stats").then().statusCode(401);
        withCookie(cookie).when().get("/api/moderation/session").then().statusCode(401);
        withCookie(other).when().get("/api/moderation/stats").then().statusCode(200); // the other session goes on
        // Without a session, sign-out just clears the cookie.
        given().when().delete("/api/moderation/session").then().statusCode(204);
    }

    @Test
    void wrongCredentialsGetOneAnswerForUnknownUsersAndWrongPasswords() {
        String user = account("moderator");
        Response wrong = signIn(Readers.uniqueIp(), user, "not the password at all");
        Response unknown = signIn(Readers.uniqueIp(), "nobody-" + UUID.randomUUID(), "not the password at all");
        wrong.then().statusCode(401).contentType(PROBLEM).header("Set-Cookie", nullValue());
        unknown.then().statusCode(401).contentType(PROBLEM);
        assertEquals(wrong.jsonPath().getString("detail"), unknown.jsonPath().getString("detail"));
        assertEquals(wrong.jsonPath().getString("type"), unknown.jsonPath().getString("type"));
        signIn(Readers.uniqueIp(), user, "").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anUnknownUserAWrongPasswordAndADisabledAccountTakeAsLong() {
        String user = account("moderator");
        String disabled = account("moderator");
        Accounts.asAdmin().contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().patch("/api/moderation/moderators/{u}", disabled).then().statusCode(200);
        signIn(Readers.uniqueIp(), disabled, PASSWORD).then().statusCode(401); // the right password: still refused
        // Alternate the three kinds, each attempt from an address of its own (never throttled).
        long[][] times = new long[3][7];
        String[] names = { "nobody-" + UUID.randomUUID(), user, disabled };
        for (int round = 0; round < 8; round++) {
            for (int kind = 0; kind < 3; kind++) {
                long start = System.nanoTime();
                signIn(Readers.uniqueIp(), names[kind], "a wrong pass phrase " + round).then().statusCode(401);
                if (round > 0) {
                    times[kind][round - 1] = System.nanoTime() - start;
                }
            }
        }
        long[] medians = Arrays.stream(times).mapToLong(t -> t.clone()[3]).toArray();
        for (int kind = 0; kind < 3; kind++) {
            long[] sorted = times[kind].clone();
            Arrays.sort(sorted);
            medians[kind] = sorted[3];
        }
        long min = Arrays.stream(medians).min().getAsLong();
        long max = Arrays.stream(medians).max().getAsLong();
        assertTrue(max < 3 * min, "unknown, wrong password, disabled: medians " + Arrays.toString(medians) + " ns");
    }

    // ---------------------------------------------------------------- cross-site requests

    @Test
    void aCrossSiteFormPostCarryingTheCookieIsRefused() {
        String user = account("moderator");
        String cookie = cookie(Readers.uniqueIp(), user, PASSWORD);
        Map<String, String> check = Map.of("articleId", "csrf-test", "name", "Ali", "text", "Hello");
        // What a form on another site makes the browser send: the cookie, a form body, its Origin, no custom
        // header. The other site is one CORS lets in (a news site, test profile: http://localhost:8080), so the
        // refusal is the sign-in's; an origin CORS does not know is refused by CORS already.
        // A form with enctype="text/plain" on a word-list import (the one moderation endpoint that reads plain text).
        String term = "csrfterm" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9-]", "q");
        String admin = cookie(Readers.uniqueIp(), account("admin"), PASSWORD);
        given().cookie(Sessions.COOKIE, admin).header("Origin", OTHER_SITE).contentType("text/plain").body(term + "=\n")
                .when().post("/api/moderation/rules/import?action=SPAM")
                .then().statusCode(403).contentType(PROBLEM).body("type", containsString("cross-site-request"));
        given().cookie(Sessions.COOKIE, admin).header("Origin", "https://evil.example").contentType("text/plain")
                .body(term + "=\n").when().post("/api/moderation/rules/import?action=SPAM").then().statusCode(403);
        given().cookie(Sessions.COOKIE, admin).contentType("text/plain").body(term + "=\n") // no Origin sent
                .when().post("/api/moderation/rules/import?action=SPAM").then().statusCode(403).contentType(PROBLEM);
        String rules = withCookie(admin).when().get("/api/moderation/rules").then().statusCode(200).extract().asString();
        assertFalse(rules.contains(term), "no rule was imported");
        // A urlencoded form on a JSON endpoint: refused before its media type is looked at.
        given().cookie(Sessions.COOKIE, cookie).header("Origin", OTHER_SITE).contentType(ContentType.URLENC)
                .formParams(check).when().post("/api/moderation/check").then().statusCode(403).contentType(PROBLEM);
        given().cookie(Sessions.COOKIE, cookie).contentType(ContentType.JSON).body(check)
                .when().post("/api/moderation/check").then().statusCode(403).contentType(PROBLEM);
        given().cookie(Sessions.COOKIE, cookie).header("X-Requested-With", "XMLHttpRequest")
                .header("Origin", OTHER_SITE).contentType(ContentType.JSON).body(check)
                .when().post("/api/moderation/check").then().statusCode(403).contentType(PROBLEM);
        given().cookie(Sessions.COOKIE, cookie).header("Origin", OTHER_SITE) // CORS allows no DELETE from there
                .when().delete("/api/moderation/session").then().statusCode(403);
        given().cookie(Sessions.COOKIE, cookie).when().delete("/api/moderation/session").then().statusCode(403)
                .contentType(PROBLEM);
        withCookie(cookie).when().get("/api/moderation/session").then().statusCode(200); // none of them signed out
        // The moderation page's own request goes through.
        withCookie(cookie).contentType(ContentType.JSON).body(check).when().post("/api/moderation/check")
                .then().statusCode(200).body("decision", notNullValue());
        withCookie(cookie).when().get("/api/moderation/stats").then().statusCode(200); // reads need no header
        // A sign-in form posted from another site is refused too.
        Readers.from(Readers.uniqueIp()).header("Origin", OTHER_SITE).contentType(ContentType.URLENC)
                .formParam("username", user).formParam("password", PASSWORD).when().post("/api/moderation/session")
                .then().statusCode(403);
    }

    // ---------------------------------------------------------------- throttling

    @Test
    void failedSignInsAreThrottledPerAddressWithRetryAfter() {
        String user = account("moderator");
        String ip = Readers.uniqueIp();
        for (int i = 0; i < 10; i++) {
            signIn(ip, user, "wrong pass phrase " + i).then().statusCode(401);
        }
        Response throttled = signIn(ip, user, "wrong pass phrase 10");
        throttled.then().statusCode(429).contentType(PROBLEM).header("Retry-After", notNullValue());
        int retryAfter = Integer.parseInt(throttled.getHeader("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        // Throttled before the password is checked: the right one from there waits too, Basic as well...
        signIn(ip, user, PASSWORD).then().statusCode(429);
        Readers.from(ip).auth().preemptive().basic(user, PASSWORD).when().get("/api/moderation/stats")
                .then().statusCode(429).header("Retry-After", notNullValue()).contentType(PROBLEM);
        // ...while the moderator signs in from any other address at once.
        signIn(Readers.uniqueIp(), user, PASSWORD).then().statusCode(200);
    }

    @Test
    void theLockOutAttackNoLongerKeepsTheModeratorOut() {
        String victim = account("admin");
        int refused = 0;
        int checked = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            String ip = "10.250.1." + (i % 50);
            int status = signIn(ip, victim, "guess number " + i).then().extract().statusCode();
            if (status == 429) {
                refused++;
            } else {
                assertEquals(401, status);
                checked++;
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        // Each address gets its first guesses checked, then shares the account's slow lane.
        assertTrue(checked <= 100, checked + " guesses checked, " + refused + " refused, in " + seconds + " s");
        // The real admin, from an address that made no failed attempt, signs in at once.
        signIn("10.250.2.1", victim, PASSWORD).then().statusCode(200);
        Readers.from("10.250.2.2").auth().preemptive().basic(victim, PASSWORD).when().get("/api/moderation/stats")
                .then().statusCode(200);
    }

    // ---------------------------------------------------------------- HTTP Basic for scripts

    @Test
    void aRepeatedBasicCredentialCostsNoBcrypt() {
        String user = account("moderator");
        String ip = Readers.uniqueIp();
        double before = passwordChecks();
        for (int i = 0; i < 20; i++) {
            Readers.from(ip).auth().preemptive().basic(user, PASSWORD).when().get("/api/moderation/session")
                    .then().statusCode(200).body("username", equalTo(user)).body("expiresAt", nullValue());
            Readers.from(ip).auth().preemptive().basic(user, PASSWORD).contentType(ContentType.JSON) // a change: re-checked
                    .body(Map.of("name", "Ali", "text", "Hello")).when().post("/api/moderation/check").then().statusCode(200);
        }
        assertEquals(1, passwordChecks() - before, "one bcrypt for 40 requests");
        Readers.from(ip).auth().preemptive().basic(user, "not the password at all").when().get("/api/moderation/session")
                .then().statusCode(401);
        assertEquals(2, passwordChecks() - before, "a different password is checked");
    }

    /** Password checks (one bcrypt each) this instance made so far. */
    double passwordChecks() {
        return registry.find(SignInService.PASSWORD_CHECKS).tag("outcome", "success").counter().count()
                + registry.find(SignInService.PASSWORD_CHECKS).tag("outcome", "failure").counter().count();
    }

    @Test
    void bearerTokensStillWork() {
        given().auth().oauth2(JwtKeys.token("sso-person", "moderator")).when().get("/api/moderation/session")
                .then().statusCode(200).body("username", equalTo("sso-person")).body("expiresAt", nullValue());
    }

    // ---------------------------------------------------------------- ending sessions

    @Test
    void changingThePasswordEndsEverySessionAndForgetsTheOldCredential() {
        String user = account("moderator");
        String ip = Readers.uniqueIp();
        String mine = cookie(ip, user, PASSWORD);
        String elsewhere = cookie(Readers.uniqueIp(), user, PASSWORD);
        Readers.from(ip).auth().preemptive().basic(user, PASSWORD).when().get("/api/moderation/stats").then().statusCode(200);

        String newPassword = "another perfectly long pass phrase";
        withCookie(mine).contentType(ContentType.JSON).body(Map.of("currentPassword", "wrong current one", "newPassword", newPassword))
                .when().put("/api/moderation/session/password").then().statusCode(400).body("errors[0].field", equalTo("currentPassword"));
        withCookie(mine).contentType(ContentType.JSON).body(Map.of("currentPassword", PASSWORD, "newPassword", "short"))
                .when().put("/api/moderation/session/password").then().statusCode(400).body("errors[0].field", equalTo("newPassword"));
        withCookie(mine).contentType(ContentType.JSON).body(Map.of("currentPassword", PASSWORD, "newPassword", "Qwerty123456"))
                .when().put("/api/moderation/session/password").then().statusCode(400)
                .body("detail", containsString("most common"));
        Response changed = withCookie(mine).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", newPassword))
                .when().put("/api/moderation/session/password");
        changed.then().statusCode(200).body("username", equalTo(user));
        String renewed = changed.getCookie(Sessions.COOKIE);
        assertNotNull(renewed, "the caller gets a new session");

        withCookie(mine).when().get("/api/moderation/stats").then().statusCode(401);
        withCookie(elsewhere).when().get("/api/moderation/stats").then().statusCode(401);
        withCookie(renewed).when().get("/api/moderation/stats").then().statusCode(200);
        Readers.from(ip).auth().preemptive().basic(user, PASSWORD).when().get("/api/moderation/stats").then().statusCode(401);
        Readers.from(Readers.uniqueIp()).auth().preemptive().basic(user, newPassword).when().get("/api/moderation/stats")
                .then().statusCode(200);
    }

    @Test
    void disablingOrSigningOutEverywhereEndsTheSessions() {
        String user = account("moderator");
        String first = cookie(Readers.uniqueIp(), user, PASSWORD);
        Accounts.asAdmin().when().delete("/api/moderation/moderators/{u}/sessions", user).then().statusCode(204);
        withCookie(first).when().get("/api/moderation/stats").then().statusCode(401);

        String second = cookie(Readers.uniqueIp(), user, PASSWORD);
        Accounts.asAdmin().contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().patch("/api/moderation/moderators/{u}", user).then().statusCode(200);
        withCookie(second).when().get("/api/moderation/stats").then().statusCode(401);
        Readers.from(Readers.uniqueIp()).auth().preemptive().basic(user, PASSWORD).when().get("/api/moderation/stats")
                .then().statusCode(401);

        Accounts.asAdmin().contentType(ContentType.JSON).body(Map.of("enabled", true))
                .when().patch("/api/moderation/moderators/{u}", user).then().statusCode(200);
        String third = cookie(Readers.uniqueIp(), user, PASSWORD);
        Accounts.asAdmin().when().delete("/api/moderation/moderators/{u}", user).then().statusCode(204);
        withCookie(third).when().get("/api/moderation/stats").then().statusCode(401);
    }

    // ---------------------------------------------------------------- audit log

    @Test
    void signInsSignOutsPasswordChangesAndAggregatedFailuresAreAudited() {
        String user = account("moderator");
        String ip = Readers.uniqueIp();
        for (int i = 0; i < 5; i++) {
            signIn(ip, user, "wrong pass phrase " + i).then().statusCode(401);
        }
        String cookie = cookie(Readers.uniqueIp(), user, PASSWORD);
        withCookie(cookie).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "yet another long pass phrase"))
                .when().put("/api/moderation/session/password").then().statusCode(200);
        withCookie(cookie).when().delete("/api/moderation/session").then().statusCode(204);
        signIn.flushNow();

        List<Map<String, Object>> entries = Accounts.asAdmin().queryParam("actor", user).queryParam("size", 100)
                .when().get("/api/moderation/audit").then().statusCode(200).extract().jsonPath().getList("items");
        List<String> actions = new ArrayList<>();
        entries.forEach(e -> actions.add((String) e.get("action")));
        assertTrue(actions.containsAll(List.of("SIGN_IN", "PASSWORD_CHANGE", "SIGN_IN_FAILED")), actions.toString());
        List<Map<String, Object>> failed = entries.stream().filter(e -> "SIGN_IN_FAILED".equals(e.get("action"))).toList();
        assertEquals(1, failed.size(), "five failures, one entry: " + failed);
        assertTrue(String.valueOf(failed.get(0).get("details")).startsWith("5 failed sign-ins"), failed.toString());
        // The sign-out is recorded for the renewed session's moderator too, if it was the one signed out.
        Accounts.asAdmin().queryParam("actor", user).when().get("/api/moderation/audit").then()
                .body("items.action", hasItem("SIGN_IN"));
    }

    // ---------------------------------------------------------------- the last admin

    @Test
    void theLastEnabledAdminCannotBeDisabledDemotedOrDeleted() {
        String sso = JwtKeys.token("sso-admin", "admin");
        // Leave "admin" as the only enabled admin account (other tests' admins are demoted).
        List<Map<String, Object>> all = given().auth().oauth2(sso).when().get("/api/moderation/moderators")
                .then().statusCode(200).extract().jsonPath().getList("");
        for (Map<String, Object> m : all) {
            if ("admin".equals(m.get("role")) && Boolean.TRUE.equals(m.get("enabled")) && !Accounts.ADMIN.equals(m.get("username"))) {
                given().auth().oauth2(sso).contentType(ContentType.JSON).body(Map.of("role", "moderator"))
                        .when().patch("/api/moderation/moderators/{u}", m.get("username")).then().statusCode(200);
            }
        }
        given().auth().oauth2(sso).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().patch("/api/moderation/moderators/{u}", Accounts.ADMIN).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("last enabled admin"));
        given().auth().oauth2(sso).contentType(ContentType.JSON).body(Map.of("role", "moderator"))
                .when().patch("/api/moderation/moderators/{u}", Accounts.ADMIN).then().statusCode(409);
        given().auth().oauth2(sso).when().delete("/api/moderation/moderators/{u}", Accounts.ADMIN).then().statusCode(409);
        Accounts.asAdmin().when().get("/api/moderation/stats").then().statusCode(200); // still an admin

        // With a second admin, the first may be demoted; then the second is the last one.
        String second = account("admin");
        given().auth().oauth2(sso).contentType(ContentType.JSON).body(Map.of("role", "moderator"))
                .when().patch("/api/moderation/moderators/{u}", second).then().statusCode(200);
        given().auth().oauth2(sso).contentType(ContentType.JSON).body(Map.of("role", "admin"))
                .when().patch("/api/moderation/moderators/{u}", second).then().statusCode(200);
        given().auth().oauth2(sso).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().patch("/api/moderation/moderators/{u}", second).then().statusCode(200);
    }
}
