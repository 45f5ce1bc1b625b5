package com.newsroom.comments.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The widget's assets as served. What every article page loads, {@code /widget/comments.js} (uncompressed),
 * stays under 20 KB (issue 20); its rarely needed parts are modules it imports on first use, cross-origin
 * from an article page, so they are served as JavaScript with CORS headers; every translation has the same
 * words, so a language added by copying one is complete.
 */
@QuarkusTest
class WidgetAssetsTest {

    static final int LIMIT_BYTES = 20_000;
    static final String[] MODULES = { "/widget/post.js", "/widget/report.js", "/widget/pow.js" };
    static final String[] LANGUAGES = { "tr", "ar", "de", "fr", "es" };

    static byte[] served(String path) {
        return given().header("Accept-Encoding", "identity").when().get(path)
                .then().statusCode(200).header("Content-Encoding", nullValue())
                .extract().asByteArray();
    }

    @Test
    void theScriptEveryPageLoadsIsUnder20KB() {
        int size = served("/widget/comments.js").length;
        assertTrue(size < LIMIT_BYTES, "/widget/comments.js is " + size + " bytes, over " + LIMIT_BYTES);
    }

    @Test
    void itsModulesAreServedAsJavaScriptToArticlePagesElsewhere() {
        for (String path : MODULES) {
            assertTrue(served(path).length > 0, path);
            // As an article page's import() asks (the test profile's COMMENTS_CORS_ORIGINS default).
            given().header("Origin", "http://localhost:8080").when().get(path).then().statusCode(200)
                    .contentType(containsString("javascript"))
                    .header("Access-Control-Allow-Origin", equalTo("http://localhost:8080"));
        }
    }

    @Test
    void everyTranslationHasTheSameWords() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> first = null;
        for (String language : LANGUAGES) {
            Set<String> keys = new TreeSet<>();
            json.readTree(served("/widget/i18n/" + language + ".json")).fieldNames().forEachRemaining(keys::add);
            if (first == null) {
                first = keys;
            }
            assertEquals(first, keys, language + ".json against " + LANGUAGES[0] + ".json");
        }
    }
}
