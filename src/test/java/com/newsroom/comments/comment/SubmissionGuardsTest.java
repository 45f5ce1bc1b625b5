package com.newsroom.comments.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.article.Article;
import com.newsroom.comments.article.ArticleRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Duplicates (409), floods (429) and closed articles (403), against the real database. */
@QuarkusTest
class SubmissionGuardsTest {

    @Inject
    ArticleRepository articles;

    @Inject
    CommentRepository comments;

    static int post(String articleId, String ip, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", ip).body(body)
                .when().post("/api/articles/{id}/comments", articleId).then().extract().statusCode();
    }

    @Test
    void sameTextFromTheSameAuthorIsADuplicate() {
        String articleId = "dup-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("name", "Ali", "email", "ali-" + UUID.randomUUID() + "@example.com",
                "text", "Ne güzel bir yazı");
        assertEquals(201, post(articleId, "198.51.100.1", body));
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.2")
                .body(Map.of("name", "Ali", "email", body.get("email"), "text", "  NE GÜZEL   bir yazı "))
                .when().post("/api/articles/{id}/comments", articleId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Duplicate comment detected; it looks as though you've already said that!"));
        assertEquals(1, comments.count("articleId", articleId));
    }

    @Test
    void postingTwiceWithinTheIntervalIsAFlood() {
        String ip = "203.0.113." + (int) (Math.random() * 250);
        String articleId = "flood-" + UUID.randomUUID();
        assertEquals(201, post(articleId, ip, Map.of("name", "Ali", "text", "first")));
        given().contentType(ContentType.JSON).header("X-Forwarded-For", ip)
                .body(Map.of("name", "Veli", "text", "second, different text"))
                .when().post("/api/articles/{id}/comments", articleId)
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+"))
                .body("detail", equalTo("You are posting comments too quickly. Slow down."));
        // The same e-mail from another IP is the same author.
        String email = "flood-" + UUID.randomUUID() + "@example.com";
        assertEquals(201, post(articleId, "203.0.113.251", Map.of("name", "A", "email", email, "text", "one")));
        assertEquals(429, post(articleId, "203.0.113.252", Map.of("name", "A", "email", email, "text", "two")));
        assertEquals(2, comments.count("articleId", articleId));
    }

    @Test
    void concurrentDoubleSubmitStoresOneComment() throws Exception {
        String articleId = "double-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("name", "Ali", "text", "Clicked twice " + UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> post(articleId, "198.51.100.77", body));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 409 || s == 429).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, comments.count("articleId", articleId));
    }

    @Test
    void closedArticleRefusesComments() {
        String articleId = "closed-" + UUID.randomUUID();
        assertEquals(201, post(articleId, "198.51.100.10", Map.of("name", "Ali", "text", "before closing")));
        QuarkusTransaction.requiringNew().run(() -> articles.findById(articleId).commentsOpen = false);
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.11")
                .body(Map.of("name", "Veli", "text", "after closing"))
                .when().post("/api/articles/{id}/comments", articleId)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Comments are closed."));

        String expiring = "expiring-" + UUID.randomUUID();
        assertEquals(201, post(expiring, "198.51.100.12", Map.of("name", "Ali", "text", "early")));
        QuarkusTransaction.requiringNew().run(() -> {
            Article article = articles.findById(expiring);
            article.publishedAt = Instant.now().minus(15, ChronoUnit.DAYS);
            article.closeAfterDays = 14;
        });
        assertEquals(403, post(expiring, "198.51.100.13", Map.of("name", "Veli", "text", "late")));
    }

    @Test
    void premoderatedArticleHoldsEveryComment() {
        String articleId = "premod-" + UUID.randomUUID();
        assertEquals(201, post(articleId, "198.51.100.20", Map.of("name", "Ali", "text", "first")));
        QuarkusTransaction.requiringNew().run(() -> articles.findById(articleId).premoderate = true);
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.21")
                .body(Map.of("name", "Veli", "text", "held"))
                .when().post("/api/articles/{id}/comments", articleId)
                .then().statusCode(201).body("status", equalTo("PENDING"))
                .body("message", equalTo("Your comment is awaiting moderation."));
        given().when().get("/api/articles/{id}/comments", articleId).then().body("totalItems", equalTo(1));
    }
}
