package com.newsroom.comments.comment.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import com.newsroom.comments.comment.SubmissionValidator;
import com.newsroom.comments.support.Readers;


@QuarkusTest
class CommentResourceTest {

    static final String PROBLEM = "application/problem+json";

    /** Each test gets its own article and author, so the flood and duplicate rules never cross tests. */
    static String article() {
        return "article-" + UUID.randomUUID();
    }

    static ValidatableResponse post(String articleId, Map<String, Object> body) {
        return Readers.post(articleId, body);
    }

    @Test
    void validCommentIsStoredPublishedAndListed() {
        String articleId = article();
        String location = post(articleId, Map.of("name", "Hamdi Fırat Büyük", "text", "Güzel bir haber, teşekkürler.",
                "email", "hamdi@example.com", "website", "https://example.com/blog"))
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", containsString("/api/articles/" + articleId + "/comments/"))
                .body("id", notNullValue())
                .body("articleId", equalTo(articleId))
                .body("name", equalTo("Hamdi Fırat Büyük"))
                .body("text", equalTo("Güzel bir haber, teşekkürler."))
                .body("website", equalTo("https://example.com/blog"))
                .body("status", equalTo("APPROVED"))
                .body("message", equalTo("Thank you! Your comment has been published."))
                .body("createdAt", notNullValue())
                .body("$", not(hasKey("email")))
                .extract().header("Location");

        given().when().get(location).then().statusCode(200)
                .body("name", equalTo("Hamdi Fırat Büyük"))
                .body("$", not(hasKey("email")))
                .body("$", not(hasKey("ipAddress")));

        given().when().get("/api/articles/{id}/comments", articleId).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].name", equalTo("Hamdi Fırat Büyük"))
                .body("items[0]", not(hasKey("email")))
                .body("items[0]", not(hasKey("userAgent")))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("totalItems", equalTo(1));
    }

    @Test
    void unicodeRoundTripsExactly() {
        String articleId = article();
        String[] names = { "Recep Tayyip Erdoğan", "محمد الكردي", "王小明", "Zoë 🙂‍↔️ Ñandú", "İsmail Işık" };
        for (String name : names) {
            String text = "<b>" + name + "</b> & \"quotes\" 'single' — emoji 👍🏽 \n second line";
            post(articleId, Map.of("name", name, "text", text)).statusCode(201)
                    .body("name", equalTo(name)).body("text", equalTo(text));
        }
        given().when().get("/api/articles/{id}/comments", articleId).then().statusCode(200)
                .body("items.name", containsInAnyOrder(names))
                .body("items[0].text", equalTo("<b>" + names[0] + "</b> & \"quotes\" 'single' — emoji 👍🏽 \n second line"));
    }

    @Test
    void missingNameAndTextAreBothReported() {
        post(article(), Map.of("email", "not-an-address", "website", "javascript:alert(1)"))
                .statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("title", notNullValue())
                .body("type", startsWith("https://"))
                .body("errors", hasSize(4))
                .body("errors.find { it.field == 'name' }.message", equalTo("Please enter your name here"))
                .body("errors.find { it.field == 'text' }.message", equalTo("Please enter your comment!"))
                .body("errors.find { it.field == 'email' }.message", equalTo("You have entered an incorrect email address!"))
                .body("errors.find { it.field == 'website' }.message", equalTo("Please enter a valid website address starting with http:// or https://"));
    }

    @Test
    void whitespaceOnlyFieldsAreMissing() {
        post(article(), Map.of("name", " \t\u00a0", "text", "\u200b \n "))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "text"));
    }

    @Test
    void emptyBodyReportsBothRequiredFields() {
        given().contentType(ContentType.JSON).when().post("/api/articles/{id}/comments", article())
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("name", "text"));
    }

    @Test
    void overLimitFieldsNameTheFieldAndTheLimit() {
        post(article(), Map.of("name", "n".repeat(246), "text", "t".repeat(65_526),
                "email", "a".repeat(60) + "@" + "b".repeat(40) + ".com", "website", "https://example.com/" + "p".repeat(200)))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "text", "email", "website"))
                .body("errors.find { it.field == 'name' }.message", containsString("245"))
                .body("errors.find { it.field == 'text' }.message", containsString("65525"))
                .body("errors.find { it.field == 'email' }.message", containsString("100"))
                .body("errors.find { it.field == 'website' }.message", containsString("200"));
    }

    @Test
    void limitsCountCharactersNotBytes() {
        // 245 Turkish characters (two UTF-8 bytes each) are within the name limit.
        post(article(), Map.of("name", "ğ".repeat(245), "text", "ş".repeat(1000))).statusCode(201);
    }

    @Test
    void nulAndUnpairedSurrogatesAreRefusedNot500() {
        Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON)
                .body("{\"name\":\"Ali\",\"text\":\"bad \\u0000 byte\"}")
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("text"));
        Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON)
                .body("{\"name\":\"Ali \\ud800\",\"text\":\"lonely surrogate\"}")
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"name\": \"Ali\", \"text\": ")
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("not valid JSON"))
                .body(not(containsString("Exception")));
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        given().contentType(ContentType.JSON).body("{\"name\": \"Ali\", \"text\": \"hi\", \"parentId\": \"abc\"}")
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("parentId"));
    }

    @Test
    void wrongContentTypeIs415() {
        given().contentType(ContentType.XML).body("<comment/>")
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(415).contentType(PROBLEM).body("status", equalTo(415));
    }

    @Test
    void badArticleIdIs400() {
        post("bad id!", Map.of("name", "Ali", "text", "Hello")).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("articleId"));
        post("x".repeat(201), Map.of("name", "Ali", "text", "Hello")).statusCode(400);
        given().when().get("/api/articles/{id}/comments", "ünïcode").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void bodyOverTheLimitIs413() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Ali\",\"text\":\"" + "a".repeat(300 * 1024) + "\"}")
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
    }

    @Test
    void replyMustNameAnApprovedCommentOnTheSameArticle() {
        String articleId = article();
        long parent = post(articleId, Map.of("name", "Ali", "text", "First")).statusCode(201)
                .extract().jsonPath().getLong("id");
        post(articleId, Map.of("name", "Veli", "text", "Reply", "parentId", parent)).statusCode(201)
                .body("parentId", equalTo((int) parent));
        // The public page shows the thread: no parent for the first, the first for the reply.
        given().when().get("/api/articles/{id}/comments", articleId).then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].parentId", nullValue())
                .body("items[1].parentId", equalTo((int) parent));
        post(article(), Map.of("name", "Veli", "text", "Reply elsewhere", "parentId", parent)).statusCode(400)
                .body("errors[0].field", equalTo("parentId"));
        post(articleId, Map.of("name", "Veli", "text", "Reply to nothing", "parentId", 999_999_999)).statusCode(400)
                .body("errors[0].field", equalTo("parentId"));
    }

    @Test
    void listRejectsBadPaging() {
        given().queryParam("size", 101).when().get("/api/articles/{id}/comments", article())
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("size"));
        given().queryParam("page", -1).when().get("/api/articles/{id}/comments", article())
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().queryParam("size", "lots").when().get("/api/articles/{id}/comments", article())
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void unknownArticleHasAnEmptyList() {
        given().when().get("/api/articles/{id}/comments", article()).then().statusCode(200)
                .body("items", hasSize(0)).body("totalItems", equalTo(0));
    }

    @Test
    void unknownCommentIs404Problem() {
        given().when().get("/api/articles/{id}/comments/{c}", article(), 123456789).then()
                .statusCode(404).contentType(PROBLEM);
        given().when().get("/api/articles/{id}/comments/{c}", article(), "abc").then()
                .statusCode(404).contentType(PROBLEM);
    }

    @Test
    void pagingIsOldestFirst() {
        String articleId = article();
        for (int i = 0; i < 5; i++) {
            post(articleId, Map.of("name", "Reader " + i, "text", "Comment number " + i)).statusCode(201);
        }
        given().queryParam("page", 1).queryParam("size", 2).when().get("/api/articles/{id}/comments", articleId)
                .then().statusCode(200)
                .body("items.text", org.hamcrest.Matchers.contains("Comment number 2", "Comment number 3"))
                .body("totalItems", equalTo(5)).body("page", equalTo(1)).body("size", equalTo(2));
    }

    @Test
    void formPostIsAccepted() {
        Readers.from(Readers.uniqueIp()).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("name", "Hamdi Fırat Büyük").formParam("text", "Form comment, ç ş ğ ü ö ı İ")
                .formParam("email", "").formParam("website", "")
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(201)
                .body("name", equalTo("Hamdi Fırat Büyük"))
                .body("text", equalTo("Form comment, ç ş ğ ü ö ı İ"))
                .body("website", nullValue());
    }

    @Test
    void formPostValidationUsesTheSameMessages() {
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("name", "").formParam("text", "")
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.message", hasItem("Please enter your name here"))
                .body("errors.message", hasItem("Please enter your comment!"));
    }

    @Test
    void formPostRedirectsOnlyToAllowedOrigins() {
        Readers.from(Readers.uniqueIp()).redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("name", "Ali").formParam("text", "Redirect me")
                .formParam("redirect", "https://news.example.com/2026/budget?x=1")
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(303)
                .header("Location", startsWith("https://news.example.com/2026/budget?x=1&commentId="))
                .header("Location", containsString("commentStatus=APPROVED"));
        Readers.from(Readers.uniqueIp()).redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("name", "Ali").formParam("text", "Do not redirect me")
                .formParam("redirect", "https://evil.example.net/phish")
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(201)
                .header("Location", endsWith(""))
                .header("Location", not(containsString("evil")));
    }

    @Test
    void aCachedPageIsTheSamePageWithTheSameHeaders() {
        String articleId = article();
        post(articleId, Map.of("name", "Ali", "text", "Cached?")).statusCode(201);
        String first = given().header("Origin", "http://localhost:8080").when().get("/api/articles/{id}/comments", articleId)
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:8080")
                .header("X-Request-Id", notNullValue()).contentType(ContentType.JSON).extract().asString();
        // The second read is served from the cache, before JAX-RS: same body, same CORS and request-id headers.
        String second = given().header("Origin", "http://localhost:8080").when().get("/api/articles/{id}/comments", articleId)
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:8080")
                .header("X-Request-Id", notNullValue()).contentType(ContentType.JSON).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(first, second);
        // A new approved comment: its author, with the answer's cookie, sees it on their next read ...
        io.restassured.http.Cookie author = post(articleId, Map.of("name", "Veli", "text", "Second")).statusCode(201)
                .extract().detailedCookie("comments_author");
        assertNotNull(author, "the author's cookie");
        assertEquals("/api/articles/" + articleId + "/comments", author.getPath());
        assertTrue(author.isHttpOnly());
        assertEquals(4, author.getMaxAge(), "the freshness window (3 s in tests) and a second");
        given().cookie("comments_author", author.getValue()).when().get("/api/articles/{id}/comments", articleId)
                .then().statusCode(200).body("totalItems", equalTo(2)).body("items[1].name", equalTo("Veli"));
        // ... while other readers get the previous page, within comments.public-cache.freshness ...
        given().when().get("/api/articles/{id}/comments", articleId).then().body("totalItems", equalTo(1));
        // ... and the new one after it.
        long posted = System.currentTimeMillis();
        while (given().when().get("/api/articles/{id}/comments", articleId).then().extract().<Integer>path("totalItems") != 2) {
            assertTrue(System.currentTimeMillis() - posted < 10_000, "other readers never saw the new comment");
            sleep(50);
        }
        // A moderator's removal shows to every reader at once.
        long veli = given().cookie("comments_author", author.getValue()).when().get("/api/articles/{id}/comments", articleId)
                .then().extract().jsonPath().getLong("items[1].id");
        com.newsroom.comments.support.Accounts.asAdmin().post("/api/moderation/comments/{id}/reject", veli).then().statusCode(200);
        given().when().get("/api/articles/{id}/comments", articleId).then().body("totalItems", equalTo(1));
        // Invalid paging still gets the resource's 400, cached pages or not.
        given().queryParam("size", 0).when().get("/api/articles/{id}/comments", articleId).then().statusCode(400)
                .contentType(PROBLEM);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestHTTPResource("/api/articles/")
    java.net.URL articles;

    java.net.http.HttpResponse<byte[]> raw(String articleId, String query, String acceptEncoding) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(articles.toURI().resolve(articleId + "/comments" + query))
                .header("Origin", "http://localhost:8080");
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        // java.net.http neither asks for gzip nor decompresses by itself.
        return java.net.http.HttpClient.newHttpClient().send(request.build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] gunzip(byte[] body) throws java.io.IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    @Test
    void pagesAreGzippedForClientsThatAcceptGzip() throws Exception {
        String articleId = article();
        String text = "A comment long enough to be worth compressing. ".repeat(40);
        post(articleId, Map.of("name", "Ali", "text", text)).statusCode(201);
        // The first read is a miss (the resource answers), the second a hit (CachedPageRoute answers),
        // and a deep page is never cached: all three answer alike.
        for (String query : new String[] { "", "", "?page=5&size=1" }) {
            var gzipped = raw(articleId, query, "gzip, deflate, br");
            var plain = raw(articleId, query, null);
            var refused = raw(articleId, query, "gzip;q=0, identity");
            for (var response : java.util.List.of(gzipped, plain, refused)) {
                org.junit.jupiter.api.Assertions.assertEquals(200, response.statusCode());
                org.junit.jupiter.api.Assertions.assertTrue(response.headers().allValues("Vary").stream()
                        .anyMatch(v -> v.toLowerCase().contains("accept-encoding")), response.headers().toString());
                org.junit.jupiter.api.Assertions.assertTrue(response.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/json"));
            }
            org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of("gzip"),
                    gzipped.headers().firstValue("Content-Encoding"), "query '" + query + "'");
            org.junit.jupiter.api.Assertions.assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
            org.junit.jupiter.api.Assertions.assertTrue(refused.headers().firstValue("Content-Encoding").isEmpty());
            org.junit.jupiter.api.Assertions.assertArrayEquals(plain.body(), gunzip(gzipped.body()));
            org.junit.jupiter.api.Assertions.assertArrayEquals(plain.body(), refused.body());
            org.junit.jupiter.api.Assertions.assertEquals(String.valueOf(gzipped.body().length),
                    gzipped.headers().firstValue("Content-Length").orElse(null));
            if (query.isEmpty()) {
                org.junit.jupiter.api.Assertions.assertTrue(gzipped.body().length < plain.body().length / 4,
                        gzipped.body().length + " bytes gzipped against " + plain.body().length);
                org.junit.jupiter.api.Assertions.assertTrue(new String(plain.body(), java.nio.charset.StandardCharsets.UTF_8)
                        .contains(text.strip()));
            }
        }
    }

    @Test
    void limitsAreTheOnesTheServiceChecks() {
        given().when().get("/api/limits").then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", containsString("max-age=3600"))
                .body("name", equalTo(245)).body("email", equalTo(100)).body("website", equalTo(200))
                .body("text", equalTo(65525));
    }

    /** Emoji (beyond the BMP) come back as UTF-8 from every answer, cached or not: one JSON writer. */
    @Test
    void emojiAreWrittenAsUtf8ByEveryAnswer() {
        String articleId = article();
        String text = "Harika bir yazı 🙂 👍🏽 𠮷";
        String posted = post(articleId, Map.of("name", "Ayşe 🙂", "text", text)).statusCode(201).extract().asString();
        String loaded = given().when().get("/api/articles/{id}/comments", articleId).then().statusCode(200).extract().asString();
        String cached = given().when().get("/api/articles/{id}/comments", articleId).then().statusCode(200).extract().asString();
        String plain = given().header("Accept-Encoding", "identity").when().get("/api/articles/{id}/comments", articleId)
                .then().statusCode(200).extract().asString();
        for (String body : java.util.List.of(posted, loaded, cached, plain)) {
            assertTrue(body.contains(text) && body.contains("Ayşe 🙂"), body);
            assertFalse(body.contains("\\u"), "no escaped characters: " + body);
        }
    }
}
