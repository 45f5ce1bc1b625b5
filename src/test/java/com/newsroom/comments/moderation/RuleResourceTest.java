package com.newsroom.comments.moderation;

import com.newsroom.comments.support.TestWords;
import static com.newsroom.comments.support.Accounts.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.comment.CommentRepository;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.support.Readers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class RuleResourceTest {

    static final String PROBLEM = "application/problem+json";
    static final Random RANDOM = new Random();

    @Inject
    CommentRepository comments;

    @Inject
    EntityManager em;

    /** A made-up word no other test uses (letters only: digits would be read as leetspeak). */
    static String word() {
        return TestWords.madeUp("zq");
    }

    static long createRule(Map<String, Object> rule) {
        return asAdmin().contentType(ContentType.JSON).body(rule).when().post("/api/moderation/rules")
                .then().statusCode(201).header("Location", containsString("/api/moderation/rules/"))
                .body("id", notNullValue()).extract().jsonPath().getLong("id");
    }

    static io.restassured.response.ValidatableResponse check(String text) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("articleId", "check-article", "name", "Reader", "text", text))
                .when().post("/api/moderation/check").then().statusCode(200);
    }

    @Test
    void freshDatabaseHasTheDefaultRules() {
        asAdmin().queryParam("size", 100).when().get("/api/moderation/rules").then().statusCode(200)
                .body("items.type", hasItems("LINKS", "SHOUTING", "FLOOD", "DUPLICATES", "FIRST_COMMENT"))
                .body("items.find { it.type == 'FLOOD' }.intervalSeconds", equalTo(15))
                .body("items.find { it.type == 'LINKS' }.maxLinks", equalTo(2));
    }

    @Test
    void termRuleTakesEffectForTheNextCommentAndExplainsItself() {
        String term = word();
        long id = createRule(Map.of("type", "TERMS", "action", "SPAM", "terms", List.of(term), "description", "test"));

        String evasive = "I say " + String.join(".", term.split("")) + " loudly";
        check(evasive).body("decision", equalTo("SPAM"))
                .body("reasons", hasSize(1))
                .body("reasons[0].ruleId", equalTo((int) id))
                .body("reasons[0].type", equalTo("TERMS"))
                .body("reasons[0].field", equalTo("text"))
                .body("reasons[0].action", equalTo("SPAM"))
                .body("reasons[0].start", equalTo(6))
                .body("reasons[0].end", equalTo(6 + term.length() * 2 - 1))
                .body("reasons[0].match", equalTo(String.join(".", term.split(""))));

        // The submitter sees PENDING, never SPAM and never the rule; the stored comment keeps the reasons.
        String articleId = "rules-" + UUID.randomUUID();
        long commentId = Readers.from("198.18.0." + RANDOM.nextInt(250)).contentType(ContentType.JSON)
                .body(Map.of("name", "Spammer", "text", "Hello " + term.toUpperCase()))
                .when().post("/api/articles/{a}/comments", articleId)
                .then().statusCode(201).body("status", equalTo("PENDING"))
                .body("message", equalTo("Your comment is awaiting moderation."))
                .body(org.hamcrest.Matchers.not(containsString("TERMS")))
                .extract().jsonPath().getLong("id");
        QuarkusTransaction.requiringNew().run(() -> {
            Comment stored = comments.findById(commentId);
            assertEquals(CommentStatus.SPAM, stored.status);
            assertEquals(1, stored.reasons.size());
            assertEquals(id, stored.reasons.get(0).ruleId);
            assertEquals(term.toUpperCase(), stored.reasons.get(0).match);
            assertEquals(6, stored.reasons.get(0).start);
        });
        given().when().get("/api/articles/{a}/comments", articleId).then().body("items", hasSize(0));

        // Disabled: no longer fires. Deleted: gone.
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "TERMS", "action", "SPAM", "enabled", false, "terms", List.of(term)))
                .when().put("/api/moderation/rules/{id}", id).then().statusCode(200).body("enabled", equalTo(false));
        check("I say " + term).body("decision", equalTo("APPROVED"));
        asAdmin().when().delete("/api/moderation/rules/{id}", id).then().statusCode(204);
        asAdmin().when().get("/api/moderation/rules/{id}", id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void holdAndSpamRulesTogetherGiveSpam() {
        String held = word();
        String spam = word();
        createRule(Map.of("type", "TERMS", "action", "HOLD", "terms", List.of(held)));
        createRule(Map.of("type", "PATTERN", "action", "SPAM", "pattern", spam + "\\d+"));
        check(held + " and " + spam + "123").body("decision", equalTo("SPAM")).body("reasons", hasSize(2));
        check(held + " alone").body("decision", equalTo("PENDING"));
    }

    @Test
    void importCreatesOneTermsRule() {
        String a = word();
        String b = word();
        String body = "# a comment line\n" + a + "\n\n  " + b + " phrase  \n" + a + "\n";
        asAdmin().contentType(ContentType.TEXT).body(body).queryParam("action", "SPAM")
                .when().post("/api/moderation/rules/import").then().statusCode(201)
                .body("type", equalTo("TERMS")).body("action", equalTo("SPAM"))
                .body("terms", org.hamcrest.Matchers.contains(a, b + " phrase"));
        check("well " + b + " phrase indeed").body("decision", equalTo("SPAM"));
    }

    @Test
    void termsOptionsAreStoredShownAndApplied() {
        String term = word();
        String name = term + " Van Dyke";
        long id = createRule(Map.of("type", "TERMS", "action", "HOLD", "terms", List.of(term),
                "exceptions", List.of(name), "masked", true, "inflections", false));
        asAdmin().when().get("/api/moderation/rules/{id}", id).then().statusCode(200)
                .body("exceptions", org.hamcrest.Matchers.contains(name))
                .body("masked", equalTo(true)).body("inflections", equalTo(false));
        String masked = term.charAt(0) + "*".repeat(term.length() - 2) + term.charAt(term.length() - 1);
        check("Look, " + masked + " again").body("decision", equalTo("PENDING"))
                .body("reasons[0].match", equalTo(masked))
                .body("reasons[0].start", equalTo(6))
                .body("reasons[0].detail", equalTo("term '" + term + "' (masked)"));
        check("We watched " + name.toUpperCase() + " on TV").body("decision", equalTo("APPROVED"));
        check("So many " + term + "s here").body("decision", equalTo("APPROVED")); // inflections off

        asAdmin().contentType(ContentType.JSON).body(Map.of("type", "TERMS", "terms", List.of(term), "inflections", true))
                .when().put("/api/moderation/rules/{id}", id).then().statusCode(200)
                .body("inflections", equalTo(true));
        check("So many " + term + "s here").body("decision", equalTo("PENDING"))
                .body("reasons[0].match", equalTo(term + "s"))
                .body("reasons[0].detail", equalTo("term '" + term + "' (inflection)"));
    }

    @Test
    void badTermsOptionsAreRefusedWithFieldErrors() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("type", "TERMS", "terms", List.of("ok"),
                        "exceptions", List.of("fine", " ")))
                .when().post("/api/moderation/rules").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("exceptions"))
                .body("errors[0].message", containsString("empty"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("type", "TERMS", "terms", List.of("ok"), "masked", "maybe"))
                .when().post("/api/moderation/rules").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void badRulesAreRefusedWithFieldErrors() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("type", "PATTERN", "pattern", "(unclosed"))
                .when().post("/api/moderation/rules").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("pattern"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("type", "TERMS", "terms", List.of("ok", "  ")))
                .when().post("/api/moderation/rules").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("terms"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("type", "NOPE"))
                .when().post("/api/moderation/rules").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("type"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("action", "SPAM"))
                .when().post("/api/moderation/rules").then().statusCode(400)
                .body("errors[0].field", equalTo("type"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("type", "FLOOD", "intervalSeconds", 0))
                .when().post("/api/moderation/rules").then().statusCode(400)
                .body("errors[0].field", equalTo("intervalSeconds"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("type", "AUTHORS", "ips", List.of("300.1.1.1/33")))
                .when().post("/api/moderation/rules").then().statusCode(400)
                .body("errors[0].field", equalTo("ips"));
        asAdmin().contentType(ContentType.TEXT).body("\n# only comments\n\n")
                .when().post("/api/moderation/rules/import").then().statusCode(400)
                .body("errors[0].field", equalTo("terms"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("type", "TERMS", "terms", List.of("x")))
                .when().put("/api/moderation/rules/{id}", 987654321).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void tooManyTermsAreRefused() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i <= 5000; i++) {
            body.append("term").append(letters(i)).append('\n');
        }
        asAdmin().contentType(ContentType.TEXT).body(body.toString())
                .when().post("/api/moderation/rules/import").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("terms"))
                .body("errors[0].message", containsString("5000"));
    }

    /** i written in base 26 with the letters a to z: distinct words without digits. */
    static String letters(int i) {
        StringBuilder sb = new StringBuilder();
        do {
            sb.append((char) ('a' + i % 26));
            i /= 26;
        } while (i > 0);
        return sb.toString();
    }

    @Test
    void authorRulesBlockByEmailAndIpRange() {
        String email = "blocked-" + UUID.randomUUID() + "@example.com";
        createRule(Map.of("type", "AUTHORS", "action", "SPAM", "emails", List.of(email.toUpperCase()),
                "ips", List.of("198.19.0.0/16")));
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "A", "text", "hello", "email", email))
                .when().post("/api/moderation/check").then().body("decision", equalTo("SPAM"));
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "A", "text", "hello", "ip", "198.19.44.3"))
                .when().post("/api/moderation/check").then().body("decision", equalTo("SPAM"));
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "A", "text", "hello", "ip", "198.20.0.1"))
                .when().post("/api/moderation/check").then().body("decision", equalTo("APPROVED"));
    }

    @Test
    void linksRuleHoldsALinkFarm() {
        check("see http://a.example/x and www.b.example and c-example.org today").body("decision", equalTo("PENDING"))
                .body("reasons[0].type", equalTo("LINKS"));
        check("see http://a.example/x and www.b.example").body("decision", equalTo("APPROVED"));
    }

    @Test
    void ruleChangedByAnotherInstanceIsPickedUpWithinSeconds() throws InterruptedException {
        String term = word();
        // What another instance does: write the rule and bump the revision, without telling this one.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into moderation_rule (id, type, action, enabled, config, created_at, updated_at, created_by, updated_by)
                    values (nextval('rule_seq'), 'TERMS', 'HOLD', true, ?1, ?2, ?2, 'other-instance', 'other-instance')""")
                    .setParameter(1, "{\"terms\":[\"" + term + "\"]}").setParameter(2, Instant.now()).executeUpdate();
            em.createNativeQuery("update rule_set_revision set revision = revision + 1 where id = 1").executeUpdate();
        });
        long deadline = System.currentTimeMillis() + 10_000;
        String decision = null;
        while (System.currentTimeMillis() < deadline) {
            decision = check("so " + term).extract().jsonPath().getString("decision");
            if ("PENDING".equals(decision)) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("PENDING", decision, "the rule written elsewhere was not picked up within 10 s");
        assertTrue(System.currentTimeMillis() < deadline);
    }
}
