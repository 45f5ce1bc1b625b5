package com.newsroom.comments.migration;

import static com.newsroom.comments.support.Accounts.asAdmin;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Hostile multipart bodies on the multipart endpoints (the WordPress, Disqus and backup uploads): each is
 * a 4xx problem, never a 500, and never starts an import.
 */
@QuarkusTest
class HostileUploadTest {

    static final String PROBLEM = "application/problem+json";
    static final String BOUNDARY = "----hostile-boundary";

    static final List<String> UPLOADS = List.of("/api/moderation/imports/wordpress", "/api/moderation/imports/disqus",
            "/api/moderation/imports/backup");

    static ValidatableResponse upload(String contentType, String body) {
        return upload(UPLOADS.get(0), contentType, body);
    }

    static ValidatableResponse upload(String path, String contentType, String body) {
        return asAdmin().contentType(contentType).body(body.getBytes(StandardCharsets.ISO_8859_1))
                .when().post(path).then();
    }

    static ValidatableResponse upload(String body) {
        return upload("multipart/form-data; boundary=" + BOUNDARY, body);
    }

    static String part(String name, String filename, String content) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n\r\n" + content + "\r\n";
    }

    static void clientError(ValidatableResponse response) {
        response.statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500))).contentType(PROBLEM);
    }

    @Test
    void aBodyWithoutItsBoundaryIsAClientError() {
        clientError(upload("multipart/form-data", part("file", "export.xml", "<rss/>") + "--" + BOUNDARY + "--\r\n"));
    }

    @Test
    void aTruncatedOrGarbledBodyIsAClientError() {
        clientError(upload(part("file", "export.xml", "<rss>")));               // no closing boundary
        clientError(upload("this is not multipart at all %zz \u0000"));
        clientError(upload("--" + BOUNDARY + "\r\nContent-Disposition: garbage\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n"));
    }

    @Test
    void everyUploadRefusesATruncatedBodyAndTooManyParts() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            many.append(part("f" + i, null, "x"));
        }
        for (String path : UPLOADS) {
            String type = "multipart/form-data; boundary=" + BOUNDARY;
            clientError(upload(path, type, part("file", "export.xml", "<rss>")));
            clientError(upload(path, type, many + "--" + BOUNDARY + "--\r\n"));
            clientError(upload(path, type, part("other", null, "x") + "--" + BOUNDARY + "--\r\n"));
        }
    }

    @Test
    void noFileFieldIsA400() {
        upload(part("other", null, "x") + "--" + BOUNDARY + "--\r\n").statusCode(400).contentType(PROBLEM);
    }

    @Test
    void thousandsOfPartsOrALargeTextFieldAreAClientError() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            many.append(part("f" + i, null, "x"));
        }
        clientError(upload(many + "--" + BOUNDARY + "--\r\n"));
        clientError(upload(part("note", null, "x".repeat(64 * 1024)) + "--" + BOUNDARY + "--\r\n"));
        clientError(upload(part("f%zz\u0000", null, "x") + "--" + BOUNDARY + "--\r\n"));
    }
}
