package com.newsroom.comments.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The moderation console cannot be framed, runs no inline script,, pages and widget assets revalidate, and metrics labels stay bounded. */
@QuarkusTest
class PageHeadersTest {

    @Test
    void theModerationPageAndItsAssetsCannotBeFramedAndRevalidate() {
        for (String path : new String[] { "/moderation/", "/moderation/index.html", "/moderation/app.js",
                "/moderation/views/queue.js",
                "/moderation/moderation.css" }) {
            given().when().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", not(containsString("unsafe")))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Cache-Control", equalTo("no-cache"));
        }
    }

    @Test
    void theWidgetsAssetsRevalidate() {
        for (String path : new String[] { "/widget/comments.js", "/widget/comments.css" }) {
            Response response = given().when().get(path);
            response.then().statusCode(200).header("Cache-Control", equalTo("no-cache"))
                    .header("Cache-Control", not(containsString("immutable")));
            String lastModified = response.getHeader("Last-Modified");
            if (lastModified != null) {
                given().header("If-Modified-Since", lastModified).when().get(path).then().statusCode(304);
            }
        }
    }

    @Test
    void unmatchedPathsShareOneMetricsLabel() {
        String marker = "cardinality-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            given().header("Origin", "https://evil.example.net").contentType(ContentType.JSON).body("{}")
                    .when().post("/api/articles/" + marker + "-" + i + "/comments")
                    .then().statusCode(403);
        }
        given().when().get("/api/limits").then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains(marker), "a raw path is a metrics label");
        assertTrue(metrics.contains("uri=\"UNKNOWN\""), "unmatched requests share one label");
        assertTrue(metrics.contains("uri=\"/api/limits\""), "matched routes keep theirs");
    }
}
