package com.newsroom.comments.queue;

import com.newsroom.comments.support.TestWords;
import static com.newsroom.comments.support.Accounts.asAdmin;
import static com.newsroom.comments.support.Accounts.asModerator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.support.Accounts;
import com.newsroom.comments.support.JwtKeys;
import com.newsroom.comments.support.Readers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(JwtKeys.class)
class QueueResourceTest {

    static final String PROBLEM = "application/problem+json";
    static final Random RANDOM = new Random();
    static String holdTerm;

    /** The hold rule that sends test comments to the queue, created on first use. */
    static synchronized void holdRule() {
        if (holdTerm != null) {
            return;
        }
        holdTerm = word();
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "TERMS", "action", "HOLD", "terms", List.of(holdTerm), "description", "queue tests"))
                .when().post("/api/moderation/rules").then().statusCode(201);
    }

    static String word() {
        return TestWords.madeUp("qz");
    }

    static String ip() {
        return "100.64." + RANDOM.nextInt(250) + "." + RANDOM.nextInt(250);
    }

    /** Posts a comment that the hold rule sends to the queue; returns its id. */
    static long pending(String articleId, String email) {
        holdRule();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Hamdi Fırat Büyük",
                "text", "Held because of " + holdTerm + " " + UUID.randomUUID()));
        if (email != null) {
            body.put("email", email);
        }
        return Readers.from(ip()).contentType(ContentType.JSON).header("User-Agent", "TestBrowser/1.0")
                .body(body).when().post("/api/articles/{a}/comments", articleId)
                .then().statusCode(201).body("status", equalTo("PENDING")).extract().jsonPath().getLong("id");
    }

    static String article() {
        return "queue-" + UUID.randomUUID();
    }

    // ---------------------------------------------------------------- access control

    @Test
    void anonymousIsAskedToSignIn() {
        String[][] endpoints = { { "GET", "/api/moderation/comments" }, { "GET", "/api/moderation/comments/1" },
                { "POST", "/api/moderation/comments/1/approve" }, { "POST", "/api/moderation/comments/bulk" },
                { "PATCH", "/api/moderation/comments/1" }, { "DELETE", "/api/moderation/comments/1" },
                { "DELETE", "/api/moderation/authors/a@example.com" }, { "GET", "/api/moderation/stats" },
                { "GET", "/api/moderation/audit" }, { "GET", "/api/moderation/articles" },
                { "PUT", "/api/moderation/articles/x" }, { "GET", "/api/moderation/rules" },
                { "POST", "/api/moderation/rules" }, { "POST", "/api/moderation/check" },
                { "GET", "/api/moderation/moderators" } };
        for (String[] endpoint : endpoints) {
            given().contentType(ContentType.JSON).body("{}").when().request(endpoint[0], endpoint[1]).then()
                    .statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", containsString("Basic"));
        }
    }

    /** Runs with the FLOOD rule off (one author posting twice at once), restoring it afterwards. */
    static <T> T withoutFloodControl(java.util.function.Supplier<T> run) {
        Map<String, Object> flood = asAdmin().when().get("/api/moderation/rules?type=FLOOD").then().statusCode(200)
                .extract().jsonPath().getMap("items[0]");
        Map<String, Object> body = new java.util.HashMap<>();
        for (String key : List.of("type", "action", "description", "intervalSeconds", "enabled")) {
            if (flood.get(key) != null) {
                body.put(key, flood.get(key));
            }
        }
        Map<String, Object> off = new java.util.HashMap<>(body);
        off.put("enabled", false);
        asAdmin().contentType(ContentType.JSON).body(off).when().put("/api/moderation/rules/{id}", flood.get("id")).then().statusCode(200);
        try {
            return run.get();
        } finally {
            asAdmin().contentType(ContentType.JSON).body(body).when().put("/api/moderation/rules/{id}", flood.get("id"))
                    .then().statusCode(200);
        }
    }

    @Test
    void theDetailCarriesRepliesAndTheAuthorsOtherComments() {
        String articleId = article();
        String email = "detail-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long parent = Readers.from(ip()).contentType(ContentType.JSON)
                .body(Map.of("name", "Ayşe", "email", email, "text", "A published comment " + UUID.randomUUID()))
                .when().post("/api/articles/{a}/comments", articleId).then().statusCode(201)
                .body("status", equalTo("APPROVED")).extract().jsonPath().getLong("id");
        long reply = Readers.from(ip()).contentType(ContentType.JSON)
                .body(Map.of("name", "Safet", "text", "A reply " + UUID.randomUUID(), "parentId", parent))
                .when().post("/api/articles/{a}/comments", articleId).then().statusCode(201).extract().jsonPath().getLong("id");
        long held = withoutFloodControl(() -> pending(articleId, email)); // the same e-mail again at once

        asModerator().when().get("/api/moderation/comments/{id}", parent).then().statusCode(200)
                .body("replies", hasSize(1)).body("replies[0].id", equalTo((int) reply))
                .body("replies[0].name", equalTo("Safet")).body("replies[0].status", equalTo("APPROVED"))
                .body("author.by", equalTo("email"))
                .body("author.counts.APPROVED", equalTo(1)).body("author.counts.PENDING", equalTo(1))
                .body("author.counts.SPAM", equalTo(0))
                .body("author.comments", hasSize(1)).body("author.comments[0].id", equalTo((int) held))
                .body("author.comments[0].status", equalTo("PENDING"));
        // Without an e-mail, by address; the queue's list carries neither.
        asModerator().when().get("/api/moderation/comments/{id}", reply).then().statusCode(200)
                .body("replies", hasSize(0)).body("author.by", equalTo("ip")).body("parent.id", equalTo((int) parent));
        asModerator().queryParam("articleId", articleId).when().get("/api/moderation/comments").then().statusCode(200)
                .body("items[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("replies")))
                .body("items[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("author")));
    }

    @Test
    void wrongPasswordIs401AndRolesAreEnforced() {
        Readers.from(Readers.uniqueIp()).auth().preemptive().basic(Accounts.ADMIN, "wrong-password-123").when().get("/api/moderation/comments")
                .then().statusCode(401).contentType(PROBLEM);
        asModerator().when().get("/api/moderation/comments").then().statusCode(200);
        asModerator().contentType(ContentType.JSON).body(Map.of("type", "TERMS", "terms", List.of("x")))
                .when().post("/api/moderation/rules").then().statusCode(403).contentType(PROBLEM);
        asModerator().when().get("/api/moderation/rules").then().statusCode(200);
        asModerator().when().get("/api/moderation/moderators").then().statusCode(403);
        asAdmin().when().get("/api/moderation/moderators").then().statusCode(200)
                .body("username", hasItem("admin")).body("[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("passwordHash")));
    }

    @Test
    void bearerTokensFromSingleSignOnWork() {
        given().auth().oauth2(JwtKeys.token("sso-moderator", "moderator")).when().get("/api/moderation/comments")
                .then().statusCode(200);
        given().auth().oauth2(JwtKeys.token("sso-reader")).when().get("/api/moderation/comments")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(JwtKeys.forgedToken("mallory", "admin")).when().get("/api/moderation/comments")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2("not-a-jwt").when().get("/api/moderation/comments").then().statusCode(401);
        // The moderator's name from the token is what the audit log records.
        long id = pending(article(), null);
        given().auth().oauth2(JwtKeys.token("sso-moderator", "moderator")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/moderation/comments/{id}/approve", id).then().statusCode(200)
                .body("moderatedBy", equalTo("sso-moderator"));
    }

    @Test
    void moderatorAccountsAreValidated() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "shorty", "password", "short"))
                .when().post("/api/moderation/moderators").then().statusCode(400).body("errors[0].field", equalTo("password"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "x y", "password", "long-enough-password"))
                .when().post("/api/moderation/moderators").then().statusCode(400).body("errors[0].field", equalTo("username"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "rolebad", "password", "long-enough-password", "role", "root"))
                .when().post("/api/moderation/moderators").then().statusCode(400).body("errors[0].field", equalTo("role"));
        asAdmin().when().delete("/api/moderation/moderators/admin").then().statusCode(409);
    }

    // ---------------------------------------------------------------- queue and decisions

    @Test
    void queueShowsWhatThePublicDoesNotAndApprovalPublishes() {
        String articleId = article();
        long id = pending(articleId, "Reader@Example.com");
        asModerator().queryParam("articleId", articleId).when().get("/api/moderation/comments").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo((int) id))
                .body("items[0].status", equalTo("PENDING"))
                .body("items[0].email", equalTo("reader@example.com"))
                .body("items[0].ipAddress", notNullValue())
                .body("items[0].userAgent", equalTo("TestBrowser/1.0"))
                .body("items[0].reasons[0].type", equalTo("TERMS"))
                .body("items[0].reasons[0].match", equalTo(holdTerm))
                .body("totalItems", equalTo(1));

        String etag = asModerator().when().get("/api/moderation/comments/{id}", id).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
        String newEtag = asModerator().header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("note", "Fine after all")).when().post("/api/moderation/comments/{id}/approve", id)
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("moderatedBy", equalTo(Accounts.MODERATOR))
                .extract().header("ETag");
        assertTrue(!etag.equals(newEtag), "the ETag changes with the comment");

        given().when().get("/api/articles/{a}/comments", articleId).then().body("items.id", hasItem((int) id));

        // A decision made on a stale copy is refused, and nothing changes.
        asModerator().header("If-Match", etag).contentType(ContentType.JSON).body("{}")
                .when().post("/api/moderation/comments/{id}/spam", id).then().statusCode(412).contentType(PROBLEM);
        asModerator().when().get("/api/moderation/comments/{id}", id).then()
                .body("status", equalTo("APPROVED"))
                .body("history", hasSize(1))
                .body("history[0].action", equalTo("APPROVE"))
                .body("history[0].fromStatus", equalTo("PENDING"))
                .body("history[0].toStatus", equalTo("APPROVED"))
                .body("history[0].note", equalTo("Fine after all"))
                .body("history[0].actor", equalTo(Accounts.MODERATOR));
    }

    @Test
    void queueFiltersAndRejectsBadFilters() {
        String articleId = article();
        long a = pending(articleId, "filter-a@example.com");
        pending(articleId, "filter-b@example.com");
        asModerator().queryParam("email", "FILTER-A@example.com").queryParam("articleId", articleId)
                .when().get("/api/moderation/comments").then().body("items.id", org.hamcrest.Matchers.contains((int) a));
        asModerator().queryParam("articleId", articleId).queryParam("sort", "newest").queryParam("size", 1)
                .when().get("/api/moderation/comments").then().body("items", hasSize(1)).body("totalItems", equalTo(2));
        asModerator().queryParam("articleId", articleId).queryParam("status", "APPROVED")
                .when().get("/api/moderation/comments").then().body("items", hasSize(0));
        asModerator().queryParam("articleId", articleId).queryParam("q", "FIRAT")
                .when().get("/api/moderation/comments").then().body("items", hasSize(0));
        asModerator().queryParam("articleId", articleId).queryParam("q", "fırat")
                .when().get("/api/moderation/comments").then().body("items", hasSize(2));
        asModerator().queryParam("status", "LOST").when().get("/api/moderation/comments").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        asModerator().queryParam("from", "yesterday").when().get("/api/moderation/comments").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        asModerator().when().get("/api/moderation/comments/{id}", 987_654_321).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void concurrentDecisionsLeaveOneWinnerAndAConsistentAuditLog() throws Exception {
        long id = pending(article(), null);
        String etag = asModerator().when().get("/api/moderation/comments/{id}", id).then().extract().header("ETag");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (String action : List.of("approve", "spam")) {
                calls.add(() -> {
                    start.await();
                    return asModerator().header("If-Match", etag).contentType(ContentType.JSON).body("{}")
                            .when().post("/api/moderation/comments/{id}/" + action, id).then().extract().statusCode();
                });
            }
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(1, statuses.stream().filter(s -> s == 412 || s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        ExtractableResponse<Response> detail = asModerator().when().get("/api/moderation/comments/{id}", id).then().extract();
        assertEquals(1, detail.jsonPath().getList("history").size());
        assertEquals(detail.jsonPath().getString("status"), detail.jsonPath().getString("history[0].toStatus"));
    }

    @Test
    void bulkIsAllOrNothing() {
        String articleId = article();
        long a = pending(articleId, null);
        long b = pending(articleId, null);
        asModerator().contentType(ContentType.JSON).body(Map.of("ids", List.of(a, b, 999_999_999L), "action", "approve"))
                .when().post("/api/moderation/comments/bulk").then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("999999999"));
        asModerator().queryParam("articleId", articleId).when().get("/api/moderation/comments").then().body("items", hasSize(2));

        asModerator().contentType(ContentType.JSON).body(Map.of("ids", List.of(a, b), "action", "nonsense"))
                .when().post("/api/moderation/comments/bulk").then().statusCode(400).body("errors[0].field", equalTo("action"));
        asModerator().contentType(ContentType.JSON).body(Map.of("ids", List.of(a), "action", "restore"))
                .when().post("/api/moderation/comments/bulk").then().statusCode(409);

        asModerator().contentType(ContentType.JSON).body(Map.of("ids", List.of(a, b), "action", "SPAM", "note", "bots"))
                .when().post("/api/moderation/comments/bulk").then().statusCode(200)
                .body("action", equalTo("spam"))
                .body("changed", hasSize(2))
                .body("changed[0].fromStatus", equalTo("PENDING"))
                .body("changed[0].toStatus", equalTo("SPAM"))
                .body("unchanged", hasSize(0));
        asModerator().contentType(ContentType.JSON).body(Map.of("ids", List.of(a, b), "action", "restore"))
                .when().post("/api/moderation/comments/bulk").then().statusCode(200)
                .body("changed.toStatus", org.hamcrest.Matchers.everyItem(equalTo("PENDING")));
        asModerator().contentType(ContentType.JSON).body(Map.of("ids", List.of(a), "action", "hold"))
                .when().post("/api/moderation/comments/bulk").then().statusCode(200).body("unchanged", hasItem((int) a));
    }

    /** The public total as readers see it. */
    static int publicTotal(String articleId) {
        return given().when().get("/api/articles/{a}/comments", articleId).then().statusCode(200)
                .extract().jsonPath().getInt("totalItems");
    }

    @Test
    void thePublicTotalFollowsEveryChangeOfStatus() {
        String articleId = article();
        String email = "total-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 3; i++) {
            Readers.from(ip()).contentType(ContentType.JSON)
                    .body(Map.of("name", "Recep Tayyip Erdoğan", "text", "Published at once " + UUID.randomUUID()))
                    .when().post("/api/articles/{a}/comments", articleId).then().statusCode(201).body("status", equalTo("APPROVED"));
        }
        long held = pending(articleId, null);
        long other = pending(articleId, null);
        long byAuthor = pending(articleId, email);
        assertEquals(3, publicTotal(articleId), "held comments are not counted");

        asModerator().when().post("/api/moderation/comments/{id}/approve", held).then().statusCode(200);
        asModerator().when().post("/api/moderation/comments/{id}/approve", held).then().statusCode(200);
        assertEquals(4, publicTotal(articleId), "approving twice counts once");
        asModerator().contentType(ContentType.JSON).body(Map.of("ids", List.of(other, byAuthor), "action", "approve"))
                .when().post("/api/moderation/comments/bulk").then().statusCode(200);
        assertEquals(6, publicTotal(articleId));
        asModerator().when().post("/api/moderation/comments/{id}/spam", held).then().statusCode(200);
        assertEquals(5, publicTotal(articleId));
        asModerator().when().delete("/api/moderation/comments/{id}", other).then().statusCode(204);
        assertEquals(4, publicTotal(articleId));
        asModerator().when().delete("/api/moderation/comments/{id}", held).then().statusCode(204);
        assertEquals(4, publicTotal(articleId), "deleting a comment that was not published changes nothing");
        asModerator().when().delete("/api/moderation/authors/{e}", email).then().statusCode(200);
        assertEquals(3, publicTotal(articleId));
        assertEquals(3, given().when().get("/api/articles/{a}/comments", articleId).then()
                .extract().jsonPath().getList("items").size(), "the total is the number of published comments");
    }

    @Test
    void restoreOnlyFromSpamOrRejected() {
        long id = pending(article(), null);
        asModerator().contentType(ContentType.JSON).body("{}").when().post("/api/moderation/comments/{id}/restore", id)
                .then().statusCode(409).contentType(PROBLEM);
        asModerator().when().post("/api/moderation/comments/{id}/reject", id).then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        asModerator().when().post("/api/moderation/comments/{id}/restore", id).then().statusCode(200)
                .body("status", equalTo("PENDING"));
        asModerator().when().post("/api/moderation/comments/{id}/unknown", id).then().statusCode(404);
    }

    @Test
    void editKeepsTheOriginalInTheHistory() {
        long id = pending(article(), null);
        String original = asModerator().when().get("/api/moderation/comments/{id}", id).then().extract().path("text");
        asModerator().contentType(ContentType.JSON).body(Map.of("text", "Call me at [removed]", "note", "phone number"))
                .when().patch("/api/moderation/comments/{id}", id).then().statusCode(200)
                .body("text", equalTo("Call me at [removed]")).header("ETag", notNullValue());
        asModerator().when().get("/api/moderation/comments/{id}", id).then()
                .body("history[0].action", equalTo("EDIT"))
                .body("history[0].previousText", equalTo(original));
        asModerator().contentType(ContentType.JSON).body(Map.of("text", "   "))
                .when().patch("/api/moderation/comments/{id}", id).then().statusCode(400)
                .body("errors[0].message", equalTo("Please enter your comment!"));
        asModerator().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(Map.of("text", "stale"))
                .when().patch("/api/moderation/comments/{id}", id).then().statusCode(412);
    }

    @Test
    void deletingAParentKeepsRepliesReadable() {
        String articleId = article();
        long parent = Readers.from(ip()).contentType(ContentType.JSON)
                .body(Map.of("name", "Ali", "text", "Parent " + UUID.randomUUID()))
                .when().post("/api/articles/{a}/comments", articleId).then().statusCode(201).extract().jsonPath().getLong("id");
        long reply = Readers.from(ip()).contentType(ContentType.JSON)
                .body(Map.of("name", "Veli", "text", "Reply " + UUID.randomUUID(), "parentId", parent))
                .when().post("/api/articles/{a}/comments", articleId).then().statusCode(201).extract().jsonPath().getLong("id");
        asModerator().when().delete("/api/moderation/comments/{id}", parent).then().statusCode(204);
        given().when().get("/api/articles/{a}/comments/{id}", articleId, reply).then().statusCode(200)
                .body("parentId", nullValue());
        given().when().get("/api/articles/{a}/comments/{id}", articleId, parent).then().statusCode(404);
        asModerator().queryParam("commentId", parent).when().get("/api/moderation/audit").then()
                .body("items[0].action", equalTo("DELETE"));
        asModerator().when().delete("/api/moderation/comments/{id}", parent).then().statusCode(404);
    }

    @Test
    void erasingAnAuthorRemovesTheirCommentsAndEditedTexts() {
        String email = "erase-" + UUID.randomUUID() + "@example.com";
        String articleId = article();
        long a = pending(articleId, email);
        asModerator().contentType(ContentType.JSON).body(Map.of("text", "edited"))
                .when().patch("/api/moderation/comments/{id}", a).then().statusCode(200);
        asModerator().when().delete("/api/moderation/authors/{e}", email.toUpperCase()).then().statusCode(200)
                .body("erasedComments", equalTo(1));
        asModerator().when().get("/api/moderation/comments/{id}", a).then().statusCode(404);
        asModerator().queryParam("commentId", a).when().get("/api/moderation/audit").then()
                .body("items.find { it.action == 'EDIT' }.previousText", nullValue());
        asModerator().when().delete("/api/moderation/authors/{e}", "not-an-email").then().statusCode(400);
    }

    @Test
    void spamWithBlockAuthorBlocksTheirNextComments() {
        String email = "block-" + UUID.randomUUID() + "@example.com";
        long id = pending(article(), email);
        asModerator().contentType(ContentType.JSON).body(Map.of("blockAuthor", true, "note", "link spam"))
                .when().post("/api/moderation/comments/{id}/spam", id).then().statusCode(200).body("status", equalTo("SPAM"));
        asModerator().contentType(ContentType.JSON).body(Map.of("name", "Again", "text", "hello there", "email", email))
                .when().post("/api/moderation/check").then().statusCode(200).body("decision", equalTo("SPAM"))
                .body("reasons[0].type", equalTo("AUTHORS"));
        asModerator().contentType(ContentType.JSON).body(Map.of("blockAuthor", true))
                .when().post("/api/moderation/comments/{id}/approve", id).then().statusCode(400)
                .body("errors[0].field", equalTo("blockAuthor"));
    }

    @Test
    void approvedAuthorsAreTrustedPastTheFirstCommentHold() {
        long ruleId = asAdmin().queryParam("type", "FIRST_COMMENT").when().get("/api/moderation/rules")
                .then().extract().jsonPath().getLong("items[0].id");
        asAdmin().contentType(ContentType.JSON).body(Map.of("type", "FIRST_COMMENT", "action", "HOLD", "enabled", true))
                .when().put("/api/moderation/rules/{id}", ruleId).then().statusCode(200);
        try {
            String email = "trusted-" + UUID.randomUUID() + "@example.com";
            Map<String, Object> check = Map.of("name", "Newcomer", "text", "First words", "email", email);
            asModerator().contentType(ContentType.JSON).body(check).when().post("/api/moderation/check").then()
                    .body("decision", equalTo("PENDING")).body("reasons[0].type", equalTo("FIRST_COMMENT"));
            long id = pending(article(), email);
            asModerator().when().post("/api/moderation/comments/{id}/approve", id).then().statusCode(200);
            asModerator().contentType(ContentType.JSON).body(check).when().post("/api/moderation/check").then()
                    .body("decision", equalTo("APPROVED"));
        } finally {
            asAdmin().contentType(ContentType.JSON).body(Map.of("type", "FIRST_COMMENT", "action", "HOLD", "enabled", false))
                    .when().put("/api/moderation/rules/{id}", ruleId).then().statusCode(200);
        }
    }

    @Test
    void statsCountPerStatusAndArticle() {
        String articleId = article();
        long a = pending(articleId, null);
        pending(articleId, null);
        asModerator().when().post("/api/moderation/comments/{id}/reject", a).then().statusCode(200);
        asModerator().queryParam("articleId", articleId).when().get("/api/moderation/stats").then().statusCode(200)
                .body("total.PENDING", equalTo(1)).body("total.REJECTED", equalTo(1)).body("total.APPROVED", equalTo(0))
                .body("articles[0].articleId", equalTo(articleId));
        asModerator().when().get("/api/moderation/stats").then().statusCode(200).body("total.PENDING", notNullValue());
    }

    @Test
    void articleSettingsCloseAndPremoderate() {
        String articleId = article();
        asModerator().when().get("/api/moderation/articles/{a}", articleId).then().statusCode(404).contentType(PROBLEM);
        asModerator().contentType(ContentType.JSON).body(Map.of("premoderate", true))
                .when().put("/api/moderation/articles/{a}", articleId).then().statusCode(200)
                .body("premoderate", equalTo(true)).body("commentsOpen", equalTo(true));
        Readers.from(ip()).contentType(ContentType.JSON)
                .body(Map.of("name", "Ali", "text", "Sensitive story"))
                .when().post("/api/articles/{a}/comments", articleId).then().statusCode(201).body("status", equalTo("PENDING"));
        asModerator().contentType(ContentType.JSON).body(Map.of("commentsOpen", false))
                .when().put("/api/moderation/articles/{a}", articleId).then().statusCode(200)
                .body("acceptingComments", equalTo(false));
        Readers.from(ip()).contentType(ContentType.JSON)
                .body(Map.of("name", "Ali", "text", "Too late"))
                .when().post("/api/articles/{a}/comments", articleId).then().statusCode(403)
                .body("detail", equalTo("Comments are closed."));
        asModerator().contentType(ContentType.JSON).body(Map.of("closeAfterDays", 0))
                .when().put("/api/moderation/articles/{a}", articleId).then().statusCode(400)
                .body("errors[0].field", equalTo("closeAfterDays"));
        asModerator().when().get("/api/moderation/articles").then().statusCode(200).body("items", notNullValue());
        asModerator().queryParam("actor", Accounts.MODERATOR).when().get("/api/moderation/audit").then().statusCode(200)
                .body("items.action", hasItem("ARTICLE_SETTINGS"));
    }

    @Test
    void theAuditLogCannotBeChanged() {
        asAdmin().contentType(ContentType.JSON).body("{}").when().put("/api/moderation/audit").then().statusCode(405);
        asAdmin().when().delete("/api/moderation/audit").then().statusCode(405);
    }
}
