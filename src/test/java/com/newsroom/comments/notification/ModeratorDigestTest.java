package com.newsroom.comments.notification;

import static com.newsroom.comments.support.Accounts.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.support.Accounts;
import com.newsroom.comments.support.JwtKeys;
import com.newsroom.comments.support.Readers;
import com.newsroom.comments.support.TestWords;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The moderators' e-mail digest, read from Quarkus's mock mailbox. */
@QuarkusTest
@QuarkusTestResource(JwtKeys.class)
class ModeratorDigestTest {

    static final String PASSWORD = "a digest moderator pass phrase";
    static final String CONSOLE = "http://localhost:8080/moderation/#/comments/";

    @Inject
    MockMailbox mailbox;
    @Inject
    ModeratorDigests digests;
    @Inject
    EntityManager em;

    record Moderator(String username, String email) {
        RequestSpecification api() {
            return given().auth().preemptive().basic(username, PASSWORD);
        }
    }

    /** A new moderator with an address of their own, opted in (or not) through their own account. */
    static Moderator moderator(boolean digest) {
        String username = "digest-" + UUID.randomUUID().toString().substring(0, 8);
        Accounts.ensure(username, PASSWORD, "moderator");
        Moderator m = new Moderator(username, username + "@news.example.com");
        m.api().contentType(ContentType.JSON).body(Map.of("email", m.email(), "digest", digest))
                .when().patch("/api/moderation/account").then().statusCode(200)
                .body("email", equalTo(m.email())).body("digest", equalTo(digest));
        return m;
    }

    /** A comment held by a TERMS rule of its own; answers its id. */
    static long held(String articleId, String name, String term) {
        asAdmin().contentType(ContentType.JSON).body(Map.of("type", "TERMS", "action", "HOLD", "terms", List.of(term)))
                .when().post("/api/moderation/rules").then().statusCode(201);
        return Readers.post(articleId, Map.of("name", name, "text", "Was there a " + term + " in the budget?"))
                .statusCode(201).body("status", equalTo("PENDING")).extract().jsonPath().getLong("id");
    }

    List<Mail> mailsTo(Moderator m) {
        return mailbox.getMailsSentTo(m.email());
    }

    @Test
    void aDigestListsEachWaitingCommentWithWhyItWaitsAndALink() {
        Moderator m = moderator(true);
        String articleId = "digest-" + UUID.randomUUID();
        String term = TestWords.madeUp("dg");
        long held = held(articleId, "<b>Ali & \"Veli\"</b>", term);
        long reported = Readers.post(articleId, Map.of("name", "Ayşe", "text", "A published comment, reported once."))
                .statusCode(201).body("status", equalTo("APPROVED")).extract().jsonPath().getLong("id");
        Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON).body(Map.of("reason", "ABUSE"))
                .when().post("/api/articles/{a}/comments/{id}/reports", articleId, reported).then().statusCode(202);

        digests.sendDue(Instant.now());

        List<Mail> mails = mailsTo(m);
        assertEquals(1, mails.size());
        Mail mail = mails.get(0);
        assertTrue(mail.getSubject().startsWith("Please moderate: "), mail.getSubject());
        String text = mail.getText();
        assertTrue(text.contains("Hello " + m.username()), text);
        assertTrue(text.contains("Comment " + held + " on " + articleId + ", by <b>Ali & \"Veli\"</b> (held)"), text);
        assertTrue(text.contains("TERMS rule"), text);
        assertTrue(text.contains(term), text);
        assertTrue(text.contains("Open it: " + CONSOLE + held), text);
        assertTrue(text.contains("Comment " + reported + " on " + articleId + ", by Ayşe (published, reported)"), text);
        assertTrue(text.contains("Reported by 1 reader: abuse 1"), text);
        assertTrue(text.contains(CONSOLE + reported), text);
        assertFalse(text.contains("NEW"), "nothing is new in a first digest: " + text);

        String html = mail.getHtml();
        assertTrue(html.contains("&lt;b&gt;Ali &amp; &quot;Veli&quot;&lt;/b&gt;"), html);
        assertFalse(html.contains("<b>Ali"), html);
        assertTrue(html.contains("<a href=\"" + CONSOLE + held + "\">Comment " + held + "</a>"), html);
    }

    @Test
    void atMostOneDigestPerIntervalAndOnlyWithSomethingNew() {
        Moderator m = moderator(true);
        String articleId = "digest-" + UUID.randomUUID();
        long first = held(articleId, "Ali", TestWords.madeUp("dg"));
        digests.sendDue(Instant.now());
        assertEquals(1, mailsTo(m).size());

        // Within the interval (an hour): nothing, however many comments arrive.
        long second = held(articleId, "Veli", TestWords.madeUp("dg"));
        digests.sendDue(Instant.now());
        assertEquals(1, mailsTo(m).size());

        // An interval (an hour) later: one more, with both and the new one marked.
        Instant later = Instant.now().plus(Duration.ofMinutes(61));
        digests.sendDue(later);
        List<Mail> mails = mailsTo(m);
        assertEquals(2, mails.size());
        String text = mails.get(1).getText();
        assertTrue(text.contains("NEW  Comment " + second + " on " + articleId), text);
        assertTrue(text.contains("Comment " + first + " on " + articleId), text);
        assertFalse(text.contains("NEW  Comment " + first), text);
        assertTrue(text.contains("1 new since your last digest"), text);
        assertTrue(mails.get(1).getSubject().endsWith("(1 new)"), mails.get(1).getSubject());

        // Another interval later, but nothing new: no mail.
        digests.sendDue(later.plus(Duration.ofMinutes(61)));
        assertEquals(2, mailsTo(m).size());
    }

    @Test
    void moderatorsWhoOptedOutGetNothing() {
        Moderator never = moderator(false);
        Moderator left = moderator(true);
        left.api().contentType(ContentType.JSON).body(Map.of("digest", false))
                .when().patch("/api/moderation/account").then().statusCode(200).body("digest", equalTo(false))
                .body("email", equalTo(left.email()));
        held("digest-" + UUID.randomUUID(), "Ali", TestWords.madeUp("dg"));
        digests.sendDue(Instant.now());
        assertEquals(0, mailsTo(never).size());
        assertEquals(0, mailsTo(left).size());
    }

    @Test
    void nothingIsSentWhileTheQueueIsEmpty() {
        // Empties the queue this test run's earlier tests left (each test's comments are its own).
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update comment set status = 'REJECTED' where status = 'PENDING'").executeUpdate();
            em.createNativeQuery("update comment_report set resolved_at = now() where resolved_at is null").executeUpdate();
        });
        Moderator m = moderator(true);
        digests.sendDue(Instant.now());
        assertEquals(0, mailsTo(m).size());

        long id = held("digest-" + UUID.randomUUID(), "Ali", TestWords.madeUp("dg"));
        digests.sendDue(Instant.now());
        List<Mail> mails = mailsTo(m);
        assertEquals(1, mails.size());
        assertEquals("Please moderate: 1 comment waiting", mails.get(0).getSubject());
        assertTrue(mails.get(0).getText().contains("1 comment is waiting for a moderator."), mails.get(0).getText());
        assertTrue(mails.get(0).getText().contains(CONSOLE + id));
    }

    @Test
    void settingsAreCheckedAndAdminsSeeThem() {
        String username = "digest-" + UUID.randomUUID().toString().substring(0, 8);
        Accounts.ensure(username, PASSWORD, "moderator");
        Moderator m = new Moderator(username, null);
        m.api().contentType(ContentType.JSON).body(Map.of("digest", true)).when().patch("/api/moderation/account")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("digest"));
        m.api().contentType(ContentType.JSON).body(Map.of("email", "not an address", "digest", true))
                .when().patch("/api/moderation/account").then().statusCode(400).body("errors[0].field", equalTo("email"));
        m.api().when().get("/api/moderation/account").then().statusCode(200).body("username", equalTo(username))
                .body("digest", equalTo(false));
        asAdmin().contentType(ContentType.JSON).body(Map.of("email", username + "@news.example.com", "digest", true))
                .when().patch("/api/moderation/moderators/{u}", username).then().statusCode(200)
                .body("email", equalTo(username + "@news.example.com")).body("digest", equalTo(true));
        // The address cannot go while the digest is on.
        m.api().contentType(ContentType.JSON).body(Map.of("email", "")).when().patch("/api/moderation/account")
                .then().statusCode(400).body("errors[0].field", equalTo("digest"));
        given().when().get("/api/moderation/account").then().statusCode(401);
    }
}
