package com.newsroom.comments.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.newsroom.comments.support.Accounts;
import com.newsroom.comments.support.HeadlessChromium;
import com.newsroom.comments.support.Readers;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Reporting a comment from the demo page in headless Chromium (as {@link WidgetBrowserTest}): the dialog
 * with the keyboard, the answer in words, the comment gone for readers after the third reporter, and the
 * moderation page's reported filter showing it with its reasons and notes. Two reporters come through the
 * API, each from an address of its own; the browser is the third (127.0.0.1).
 */
@QuarkusTest
class ReportBrowserTest {

    static final String ARTICLE = "demo-article";

    static WebDriver driver;
    static HeadlessChromium.Session browser;

    @TestHTTPResource("/demo/")
    URL demo;

    @TestHTTPResource("/moderation/")
    URL moderation;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.open("report", "1100,1300");
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        HeadlessChromium.close(browser);
    }

    @Test
    void aReaderReportsACommentThatTheThresholdThenHidesAndModeratorsFindIt() throws IOException {
        String tag = "#" + UUID.randomUUID().toString().substring(0, 8);
        long id = Readers.post(ARTICLE, Map.of("name", "Recep Tayyip Erdoğan", "text", "Everyone knows where she lives " + tag))
                .statusCode(201).extract().jsonPath().getLong("id");
        report(id, "PERSONAL_INFO", "Her street is named");
        report(id, "ABUSE", null);
        // %test.comments.reports.reason-thresholds.personal-info=2: the browser's reason must not be PERSONAL_INFO.

        openDemo();
        WebElement comment = driver.findElement(By.id("comment-" + id));
        WebElement button = comment.findElement(By.cssSelector(".cw-report"));
        assertEquals("Report the comment by Recep Tayyip Erdoğan", button.getAttribute("aria-label"));
        js("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        WebElement dialog = new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> d.findElements(By.cssSelector("dialog.cw-dialog[open]")).stream().findFirst().orElse(null));
        assertEquals("Report this comment", driver.findElement(By.id(dialog.getAttribute("aria-labelledby"))).getText());
        WebElement focused = driver.switchTo().activeElement();
        assertEquals("SPAM", focused.getAttribute("value"), "the first reason has the focus");

        // Sending without a reason: the error is shown in words next to the reasons.
        dialog.findElement(By.cssSelector("[type=submit]")).click();
        WebElement reasons = dialog.findElement(By.cssSelector(".cw-reasons"));
        assertEquals("true", reasons.getAttribute("aria-invalid"));
        assertEquals("Please choose why you report this comment.",
                driver.findElement(By.id(reasons.getAttribute("aria-describedby"))).getText());

        // With the keyboard: the arrow moves to the next reason (ABUSE), a note, then Send.
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertEquals("ABUSE", driver.switchTo().activeElement().getAttribute("value"));
        assertTrue(driver.switchTo().activeElement().isSelected());
        dialog.findElement(By.cssSelector("textarea[name=note]")).sendKeys("<b>Doxxing</b> a neighbour");
        dialog.findElement(By.cssSelector("[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> dialog.findElement(By.cssSelector("[role=status]"))
                .getText().equals("Thank you. A moderator will look at this comment."));
        WebElement close = driver.switchTo().activeElement();
        assertEquals("Close", close.getText());
        HeadlessChromium.screenshot(driver, "report.png");
        close.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector("dialog.cw-dialog[open]")).isEmpty());
        assertEquals(button, driver.switchTo().activeElement(), "the focus is back on the Report button");

        // Three reporters: gone for readers.
        openDemo();
        assertTrue(driver.findElements(By.id("comment-" + id)).isEmpty(), "hidden from the demo page");

        // The moderation page's reported filter shows it with its reasons and notes.
        driver.get(moderation.toString());
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("mq-signin")).isDisplayed());
        Accounts.ensure(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD, "moderator");
        driver.findElement(By.id("mq-signin-user")).sendKeys(Accounts.MODERATOR);
        driver.findElement(By.id("mq-signin-password")).sendKeys(Accounts.MODERATOR_PASSWORD, Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.findElement(By.id("mq-workspace")).isDisplayed());
        driver.findElement(By.id("mq-filter-article")).sendKeys(ARTICLE);
        driver.findElement(By.id("mq-filter-q")).sendKeys(tag);
        driver.findElement(By.id("mq-filter-reported")).click();
        driver.findElement(By.cssSelector("#mq-filters [type=submit]")).click();
        WebElement item = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("mq-summary")).getText().contains("pending reported comment")
                        ? d.findElements(By.id("mq-comment-" + id)).stream().findFirst().orElse(null) : null);
        String summary = item.findElement(By.cssSelector(".mq-reports-summary")).getText();
        assertEquals("Reported by 3 readers: ABUSE 2, PERSONAL_INFO 1", summary);
        List<String> notes = item.findElements(By.cssSelector(".mq-report")).stream().map(WebElement::getText).toList();
        assertTrue(notes.stream().anyMatch(n -> n.contains("Her street is named")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("<b>Doxxing</b> a neighbour") && n.contains("127.0.0.1")), notes.toString());
        assertTrue(item.findElement(By.cssSelector(".mq-reason")).getText().contains("REPORTS"));
        assertTrue(driver.findElements(By.cssSelector(".mq-report b")).isEmpty(), "a note is text, never markup");
        HeadlessChromium.screenshot(driver, "moderation-reports.png");

        // Dismissing leaves the comment pending and takes it out of the reported list.
        item.findElement(By.cssSelector(".mq-dismiss")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("mq-status")).getText()
                .equals("Dismissed 3 reports on the comment by Recep Tayyip Erdoğan."));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.id("mq-comment-" + id)).isEmpty());
        assertEquals("PENDING", Accounts.asModerator().when().get("/api/moderation/comments/{id}", id).then()
                .extract().jsonPath().getString("status"));
    }

    void report(long id, String reason, String note) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("reason", reason));
        if (note != null) {
            body.put("note", note);
        }
        Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON).body(body)
                .when().post("/api/articles/{a}/comments/{id}/reports", ARTICLE, id).then().statusCode(202);
    }

    void openDemo() {
        driver.get(demo.toString());
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            List<WebElement> count = d.findElements(By.cssSelector(".cw-count"));
            return !count.isEmpty() && count.get(0).getText().matches("\\(\\d+\\)")
                    && d.findElement(By.cssSelector(".cw-list")).getAttribute("aria-busy") == null;
        });
        for (int i = 0; i < 50; i++) {
            WebElement more = driver.findElement(By.cssSelector(".cw-more"));
            if (!more.isDisplayed()) {
                return;
            }
            int before = driver.findElements(By.cssSelector(".cw-comment")).size();
            js("arguments[0].click()", more);
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(".cw-comment")).size() > before
                    || !d.findElement(By.cssSelector(".cw-more")).isDisplayed());
        }
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
