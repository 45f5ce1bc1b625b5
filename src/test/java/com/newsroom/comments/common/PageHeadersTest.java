package com.newsroom.comments.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The moderation page cannot be framed; its files and the widget's assets revalidate. */
@QuarkusTest
class PageHeadersTest {

    @Test
    void theModerationPageAndItsAssetsCannotBeFramedAndRevalidate() {
        for (String path : new String[] { "/moderation/", "/moderation/index.html", "/moderation/moderation.js",
                "/moderation/moderation.css" }) {
            given().when().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
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
}
