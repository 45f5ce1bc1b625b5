package com.newsroom.comments.i18n;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import com.newsroom.comments.support.Readers;

/** Readers' answers in their language: the same codes everywhere, the words of their bundle, Content-Language. */
@QuarkusTest
class LocalizedAnswersTest {

    static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    static String article() {
        return "lang-" + UUID.randomUUID();
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "tr", "ar", "de", "fr", "es" })
    void anEmptyFormIsRefusedInItsLanguageWithTheSameCodes(String language) {
        Messages m = Messages.of(language);
        Readers.from(Readers.uniqueIp()).contentType(FORM).body("name=&text=&email=&lang=" + language)
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(400).contentType("application/problem+json")
                .header("Content-Language", language)
                .body("title", equalTo(m.text("problem.validation.title")))
                .body("detail", equalTo(m.text("problem.validation.detail", 2)))
                .body("errors.field", contains("name", "text"))
                .body("errors.code", contains("name.required", "text.required"))
                .body("errors.message", contains(m.text("name.required"), m.text("text.required")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "tr", "ar", "de", "fr", "es" })
    void theQueryParameterChoosesToo(String language) {
        Messages m = Messages.of(language);
        Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON).body(Map.of("name", "Ali", "email", "not-an-address"))
                .queryParam("lang", language)
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(400).header("Content-Language", language)
                .body("errors.code", contains("email.invalid", "text.required"))
                .body("errors.message", contains(m.text("email.invalid"), m.text("text.required")));
    }

    @Test
    void acceptLanguageWithQualitiesChoosesTurkish() {
        Readers.from(Readers.uniqueIp()).header("Accept-Language", "tr-TR,tr;q=0.9,en;q=0.8").contentType(FORM).body("name=Ali")
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(400).header("Content-Language", "tr")
                .body("title", equalTo("Geçersiz istek"))
                .body("detail", equalTo("Lütfen yorumunuzu yazın!"))
                .body("errors[0].message", equalTo("Lütfen yorumunuzu yazın!"))
                .body("errors[0].code", equalTo("text.required"));
    }

    @Test
    void anUnsupportedLanguageGetsTheSeedsEnglish() {
        Readers.from(Readers.uniqueIp()).header("Accept-Language", "ja-JP,zh;q=0.8").contentType(FORM).body("lang=ko")
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(400).header("Content-Language", "en")
                .body("title", equalTo("Invalid request"))
                .body("detail", equalTo("The request has 2 invalid fields."))
                .body("errors.message", contains("Please enter your name here", "Please enter your comment!"))
                .body("errors[0].keySet()", containsInAnyOrder("field", "message", "code"))
                .body("errors.code", contains("name.required", "text.required"));
    }

    @Test
    void theLangFieldOfJsonAndTheSuccessMessageToo() {
        Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON)
                .body(Map.of("name", "Élodie", "text", "Merci pour cet article.", "lang", "fr"))
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(201).header("Content-Language", "fr")
                .body("message", equalTo(Messages.of("fr").text("comment.published")));
    }

    @Test
    void refusalsOfTheWritePathAreTranslated() {
        String article = article();
        String ip = Readers.uniqueIp();
        Map<String, String> comment = Map.of("name", "Mehmet", "email", "mehmet-" + UUID.randomUUID() + "@example.com",
                "text", "Aynı yorum iki kez.");
        Readers.from(ip).contentType(ContentType.JSON).body(comment).queryParam("lang", "tr")
                .when().post("/api/articles/{id}/comments", article).then().statusCode(201)
                .body("message", equalTo("Teşekkürler! Yorumunuz yayımlandı."));
        Readers.from(ip).contentType(ContentType.JSON).body(comment).queryParam("lang", "tr")
                .when().post("/api/articles/{id}/comments", article).then().statusCode(409)
                .header("Content-Language", "tr")
                .body("title", equalTo("Yinelenen yorum"))
                .body("detail", equalTo(Messages.of("tr").text("comment.duplicate")));
    }

    @Test
    void readersProblemsBeforeAnyResourceAreTranslated() {
        Readers.from(Readers.uniqueIp()).header("Accept-Language", "de").contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(400).header("Content-Language", "de")
                .body("title", equalTo("Fehlerhafter Anfrageinhalt"));
        Readers.from(Readers.uniqueIp()).header("Accept-Language", "es").contentType("text/plain").body("hola")
                .when().post("/api/articles/{id}/comments", article())
                .then().statusCode(415).header("Content-Language", "es")
                .body("detail", equalTo(Messages.of("es").text("problem.unsupported-media-type.detail")));
        Readers.from(Readers.uniqueIp()).header("Accept-Language", "ar").queryParam("size", "1000")
                .when().get("/api/articles/{id}/comments", article())
                .then().statusCode(400).header("Content-Language", "ar")
                .body("errors[0].code", equalTo("size.invalid"))
                .body("errors[0].message", equalTo(Messages.of("ar").text("size.invalid", "1", "100")));
    }

    @Test
    void reportsAnswerInTheReadersLanguage() {
        Readers.from(Readers.uniqueIp()).header("Accept-Language", "ar").contentType(ContentType.JSON).body(Map.of("reason", "NOPE"))
                .when().post("/api/articles/{id}/comments/{c}/reports", article(), 1)
                .then().statusCode(400).header("Content-Language", "ar")
                .body("errors[0].code", equalTo("reason.invalid"))
                .body("errors[0].message", equalTo(Messages.of("ar").text("reason.invalid")));
        String article = article();
        Readers.from(Readers.uniqueIp()).contentType(FORM).body("reason=SPAM&lang=de")
                .when().post("/api/articles/{id}/comments/{c}/reports", article, 987_654_321)
                .then().statusCode(404).header("Content-Language", "de")
                .body("title", equalTo("Nicht gefunden"))
                .body("detail", equalTo("Es gibt keinen veröffentlichten Kommentar 987654321 zum Artikel " + article + "."));
    }

    @Test
    void moderatorsAnswersStayEnglish() {
        Readers.from(Readers.uniqueIp()).header("Accept-Language", "tr").header("X-Requested-With", "test")
                .when().get("/api/moderation/stats")
                .then().statusCode(401).header("Content-Language", nullValue())
                .body("title", equalTo("Unauthorized"));
    }
}
