package com.newsroom.comments.comment.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

import com.newsroom.comments.common.FormFields;
import com.newsroom.comments.support.Readers;

/** Form posts accept exactly what JSON posts accept; every malformed form is a 400 problem, never a 413 or a 500. */
@QuarkusTest
class FormPostTest {

    static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    static final String PROBLEM = "application/problem+json";

    static String article() {
        return "form-" + UUID.randomUUID();
    }

    static ValidatableResponse postRaw(String body) {
        return Readers.from(Readers.uniqueIp()).redirects().follow(false).contentType(FORM).body(body)
                .when().post("/api/articles/{id}/comments", article()).then();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void longCommentsAreAcceptedAsInJson() {
        String text = "Uzun bir yorum. ".repeat(132).substring(0, 2100);
        postRaw("name=Ali&text=" + encode(text)).statusCode(201).body("text", equalTo(text));
        String sixtyK = "a".repeat(60_000);
        postRaw("name=Ali&text=" + encode(sixtyK)).statusCode(201).body("text.length()", equalTo(60_000));
    }

    @Test
    void theLongestCommentInAnyScriptIsAcceptedOneMoreCharacterIsAFieldError() {
        // 65,525 Turkish letters: 131 KB of UTF-8, 393 KB percent-encoded (over the 256 KiB body limit on the wire).
        String longest = "ğ".repeat(65_525);
        postRaw("name=Ali&text=" + encode(longest)).statusCode(201).body("text.length()", equalTo(65_525));
        postRaw("name=Ali&text=" + encode(longest + "ğ")).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("text"))
                .body("errors[0].message", containsString("at most 65525 characters"));
    }

    @Test
    void decodedFieldsOverTheBodyLimitAre413ProblemDetails() {
        postRaw("name=Ali&text=" + "a".repeat(300 * 1024)).statusCode(413).contentType(PROBLEM)
                .body("status", equalTo(413)).body("detail", containsString("256 KiB"));
        postRaw("name=Ali&text=" + "%C4%9F".repeat(140_000)).statusCode(413).contentType(PROBLEM);
    }

    @Test
    void brokenPercentEncodingIsA400() {
        postRaw("name=%zz&text=%").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("form"))
                .body("detail", equalTo("The form is not properly encoded (a '%' must be followed by two hexadecimal digits)."));
        postRaw("name=Ali&text=abc%4").statusCode(400).contentType(PROBLEM);
    }

    @Test
    void tooManyFieldsIsA400() {
        StringBuilder body = new StringBuilder("name=Ali&text=Hello");
        for (int i = 0; i < 1200; i++) {
            body.append("&f").append(i).append("=x");
        }
        postRaw(body.toString()).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("form"))
                .body("detail", containsString("more than 32 fields"));
    }

    @Test
    void nulInAnyFieldIsAFieldError() {
        postRaw("name=Ali&text=Hello&website=https%3A%2F%2Fexample.com%2F%00").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("website"))
                .body("detail", containsString("cannot be stored"));
        postRaw("name=Al%00i&text=Hello").statusCode(400).body("errors.field", hasItem("name"));
        postRaw("name=Ali&text=Hello&redirect=%00").statusCode(400).body("errors.field", hasItem("redirect"));
    }

    @Test
    void aTenKilobyteRedirectIsHandled() {
        String redirect = "https://news.example.com/budget-2026?ref=" + "x".repeat(10 * 1024);
        postRaw("name=Ali&text=" + encode("Redirect me far") + "&redirect=" + encode(redirect)).statusCode(303)
                .header("Location", startsWith("https://news.example.com/budget-2026?ref=xxx"));
        String foreign = "https://evil.example.net/?" + "x".repeat(10 * 1024);
        postRaw("name=Ali&text=" + encode("Stay here") + "&redirect=" + encode(foreign)).statusCode(201)
                .header("Location", not(containsString("evil")));
    }

    @Test
    void aFormInAnotherCharsetIsDecodedInIt() throws Exception {
        Readers.from(Readers.uniqueIp()).contentType("application/x-www-form-urlencoded; charset=ISO-8859-1")
                .body("name=Andr%E9&text=Caf%E9").when().post("/api/articles/{id}/comments", article())
                .then().statusCode(201).body("name", equalTo("André")).body("text", equalTo("Café"));
        // REST Assured cannot send an unknown charset: a plain HTTP client can.
        HttpResponse<String> unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/articles/" + article() + "/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=no-such-charset")
                .header("X-Forwarded-For", Readers.uniqueIp())
                .POST(HttpRequest.BodyPublishers.ofString("name=Ali&text=Hi")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, unknown.statusCode());
        assertEquals(PROBLEM, unknown.headers().firstValue("Content-Type").orElse(""));
    }
}
