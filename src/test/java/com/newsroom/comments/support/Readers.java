package com.newsroom.comments.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Readers posting comments through the public API. Tests run with X-Forwarded-For trusted
 * (application.properties), so each reader can come from an address of its own: the FLOOD rule then
 * never stops one test because of another.
 */
public final class Readers {

    private Readers() {
    }

    /** An address in 10.0.0.0/8 that no other test is likely to use. */
    public static String uniqueIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(250) + "." + random.nextInt(250) + "." + random.nextInt(250);
    }

    /** A request from a reader at {@code ip}. */
    public static RequestSpecification from(String ip) {
        return from(given(), ip);
    }

    /** {@code request} (another instance's base URI, say) as a request from a reader at {@code ip}. */
    public static RequestSpecification from(RequestSpecification request, String ip) {
        return request.header("X-Forwarded-For", ip);
    }

    /** Posts {@code body} as JSON from a reader of its own. */
    public static ValidatableResponse post(String articleId, Map<String, ?> body) {
        return post(articleId, uniqueIp(), body);
    }

    /** Posts {@code body} as JSON from a reader at {@code ip}. */
    public static ValidatableResponse post(String articleId, String ip, Map<String, ?> body) {
        return from(ip).contentType(ContentType.JSON).body(body).when().post("/api/articles/{articleId}/comments", articleId).then();
    }
}
