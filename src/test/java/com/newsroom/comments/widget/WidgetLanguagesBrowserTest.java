package com.newsroom.comments.widget;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.newsroom.comments.support.Accounts;
import com.newsroom.comments.support.HeadlessChromium;
import com.newsroom.comments.support.Readers;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The widget in the page's language (the demo page /demo/lang.html sets {@code <html lang>}): its words,
 * its client-side validation, dates through Intl.DateTimeFormat, right to left in Arabic, and the
 * service's refusals in the same language because the widget sends it. The browser itself asks for
 * English (--lang=en-GB): only the page decides.
 */
@QuarkusTest
class WidgetLanguagesBrowserTest {

    static WebDriver driver;
    static HeadlessChromium.Session browser;

    @TestHTTPResource("/demo/lang.html")
    URL page;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.open("widget-lang", "900,1300");
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        HeadlessChromium.close(browser);
    }

    @Test
    void turkishPageValidatesDatesAndRefusesInTurkish() {
        String article = "lang-tr-" + UUID.randomUUID();
        long id = postThroughApi(article, "Ayşe Yılmaz", "Çok iyi bir haber, teşekkürler.", null);
        close(article);
        open("tr", article);

        assertEquals("tr", widget().getAttribute("lang"));
        assertEquals("ltr", js("return getComputedStyle(arguments[0]).direction", widget()));
        assertEquals("Yorumlar (1)", text(".cw-title"));
        assertEquals("Yorum yazın", text(".cw-form-title"));
        assertEquals("Ad *", label("name"));
        assertEquals("Yanıtla", text(".cw-reply"));
        assertEquals("Bildir", text(".cw-report"));
        assertEquals("Asla yayımlanmaz.", text(".cw-hint"));
        // The widget built this form, so it adds the honeypot itself (hidden from people), labelled in Turkish.
        assertEquals("Bu alanı boş bırakın", new WebDriverWait(driver, Duration.ofSeconds(10)).until(
                d -> js("const l = document.querySelector('.cw-hp label'); return l && l.textContent")));

        // The report dialog (report.js, loaded on the first click) speaks Turkish too.
        WebElement report = driver.findElement(By.cssSelector(".cw-report"));
        js("arguments[0].scrollIntoView({block: 'center'})", report);
        report.click();
        WebElement dialog = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("dialog.cw-dialog[open]")).stream().findFirst().orElse(null));
        assertEquals("Bu yorumu bildirin", dialog.findElement(By.cssSelector("h3")).getText());
        assertEquals("Ayşe Yılmaz adlı kişinin yorumu. Bildiriminizi yalnızca moderatörler görür.",
                dialog.findElement(By.cssSelector(".cw-hint")).getText());
        assertEquals("Spam ya da reklam", dialog.findElement(By.cssSelector(".cw-reason")).getText());
        dialog.findElement(By.cssSelector(".cw-cancel")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector("dialog.cw-dialog[open]")).isEmpty());

        // The date through Intl.DateTimeFormat in Turkish, not in the browser's English.
        WebElement time = driver.findElement(By.cssSelector("#comment-" + id + " time"));
        String iso = time.getAttribute("datetime");
        assertEquals(js("return new Intl.DateTimeFormat('tr', {dateStyle: 'medium', timeStyle: 'short'}).format(new Date(arguments[0]))", iso),
                time.getText());
        assertNotEquals(js("return new Intl.DateTimeFormat('en', {dateStyle: 'medium', timeStyle: 'short'}).format(new Date(arguments[0]))", iso),
                time.getText());

        // Client-side validation in Turkish, before anything is sent.
        submit();
        assertFieldError("name", "Lütfen adınızı buraya yazın");
        assertFieldError("text", "Lütfen yorumunuzu yazın!");
        waitForStatus("Lütfen işaretli 2 alanı düzeltin.");
        field("email").sendKeys("ayse@");
        submit();
        assertFieldError("email", "Yanlış bir e-posta adresi girdiniz!");

        // The service's refusal in Turkish too: the widget sent the page's language.
        field("name").sendKeys("Mehmet");
        field("email").clear();
        field("text").sendKeys("Yorumlar kapalı mı?");
        submit();
        waitForStatus("Yorumlar kapatıldı.");
    }

    @Test
    void arabicPageIsRightToLeftInArabic() throws IOException {
        String article = "lang-ar-" + UUID.randomUUID();
        long parent = postThroughApi(article, "سارة", "شكرًا على هذا التقرير المفصّل.", null);
        postThroughApi(article, "Hamdi Fırat Büyük", "I agree; the numbers match the ministry's.", parent);
        open("ar", article);

        WebElement root = widget();
        assertEquals("rtl", root.getAttribute("dir"));
        assertEquals("ar", root.getAttribute("lang"));
        assertEquals("rtl", js("return getComputedStyle(arguments[0]).direction", root));
        assertEquals("التعليقات (2)", text(".cw-title"));
        assertEquals("أضف تعليقًا", text(".cw-form-title"));
        assertEquals("انشر التعليق", text(".cw-submit"));
        assertEquals("ردّ", text(".cw-reply"));

        // Replies are indented at the start of the line, which is the right in Arabic (logical properties).
        WebElement replies = driver.findElement(By.cssSelector(".cw-replies"));
        assertTrue(cssPixels(replies, "padding-right") > 0, "indented from the right");
        assertEquals(0.0, cssPixels(replies, "padding-left"));
        WebElement replyText = driver.findElement(By.cssSelector(".cw-replies .cw-text"));
        assertEquals("auto", replyText.getAttribute("dir"), "a Latin-script reply keeps its own direction");
        assertEquals("ltr", js("return getComputedStyle(arguments[0]).direction", replyText));

        submit();
        assertFieldError("name", "يُرجى إدخال اسمك هنا");
        assertFieldError("text", "يُرجى كتابة تعليقك!");
        waitForStatus("يُرجى تصحيح الحقلين المُعلَّمين.");
        js("window.scrollTo(0, 0)");
        HeadlessChromium.screenshot(driver, "widget-rtl.png");
    }

    @Test
    void aLanguageWithoutTranslationIsEnglish() {
        String article = "lang-ja-" + UUID.randomUUID();
        open("ja-JP", article);
        assertEquals("en", widget().getAttribute("lang"));
        assertEquals("Comments (0)", text(".cw-title"));
        submit();
        assertFieldError("text", "Please enter your comment!");
    }

    void open(String lang, String article) {
        driver.get(page + "?lang=" + lang + "&article=" + article);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector(".cw-title")).isEmpty()
                && d.findElement(By.cssSelector(".cw-list")).getAttribute("aria-busy") == null
                && !d.findElement(By.cssSelector(".cw-count")).getText().isEmpty());
    }

    static WebElement widget() {
        return driver.findElement(By.cssSelector("[data-comments]"));
    }

    static String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    static WebElement field(String name) {
        return driver.findElement(By.cssSelector(".cw-form [name=" + name + "]"));
    }

    static String label(String name) {
        return driver.findElement(By.cssSelector("label[for='" + field(name).getAttribute("id") + "']")).getText();
    }

    static void submit() {
        WebElement button = driver.findElement(By.cssSelector(".cw-form [type=submit]"));
        js("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    static void waitForStatus(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector(".cw-form .cw-status")).getText().equals(text));
    }

    static void assertFieldError(String name, String message) {
        WebElement input = field(name);
        WebElement error = new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#" + input.getAttribute("id") + " + .cw-error")));
        assertEquals(message, error.getText());
        assertEquals("true", input.getAttribute("aria-invalid"));
        assertTrue(List.of(input.getAttribute("aria-describedby").split(" ")).contains(error.getAttribute("id")));
    }

    static double cssPixels(WebElement element, String property) {
        return Double.parseDouble(element.getCssValue(property).replace("px", ""));
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static long postThroughApi(String article, String name, String text, Long parentId) {
        Map<String, Object> body = parentId == null ? Map.of("name", name, "text", text)
                : Map.of("name", name, "text", text, "parentId", parentId);
        return Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON).body(body)
                .when().post("/api/articles/{id}/comments", article)
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void close(String article) {
        given().auth().preemptive().basic(Accounts.ADMIN, Accounts.ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("commentsOpen", false))
                .when().put("/api/moderation/articles/{a}", article).then().statusCode(200);
    }
}
