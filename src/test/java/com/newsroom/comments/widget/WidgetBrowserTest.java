package com.newsroom.comments.widget;

import com.newsroom.comments.support.TestWords;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.newsroom.comments.support.Accounts;
import com.newsroom.comments.support.HeadlessChromium;
import com.newsroom.comments.support.Readers;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The comment widget in a real browser: the system Chromium, driven through the system chromedriver
 * (Selenium Manager never downloads anything: both paths are given). Skipped where Chromium is not
 * installed; {@code .ci/run} installs it.
 *
 * <p>Every post from the browser comes from 127.0.0.1, so the FLOOD rule (one comment per 15 s per IP)
 * is disabled while this class runs and restored afterwards.
 */
@QuarkusTest
class WidgetBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String ARTICLE = "demo-article";
    static final Random RANDOM = new Random();

    static WebDriver driver;
    static HeadlessChromium.Session browser;
    static Map<String, Object> floodRule;
    static final List<Long> createdRules = new ArrayList<>();

    @TestHTTPResource("/demo/")
    URL demo;

    /** The application's root URL, kept for @AfterAll: Quarkus resets RestAssured's port after each test. */
    static URL root;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.open("widget", "1100,1500");
        driver = browser.driver();
        Files.createDirectories(SCREENSHOTS);
    }

    @BeforeEach
    void disableFloodRuleOnce() {
        if (root == null) {
            root = demo;
            setFloodRuleEnabled(false);
        }
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (floodRule != null) {
            setFloodRuleEnabled(true);
        }
        for (long id : createdRules) {
            api().when().delete("/api/moderation/rules/{id}", id).then().statusCode(204);
        }
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void validCommentAppearsAndADuplicateIsRefusedInWords() throws IOException {
        openDemo();
        String text = "Thank you for this report. Güzel bir haber, teşekkürler! " + unique();
        fill("Hamdi Fırat Büyük", "hamdi@example.com", "https://example.com/hamdi", text);
        submit();

        WebElement comment = waitForComment(text);
        assertEquals("Hamdi Fırat Büyük", comment.findElement(By.cssSelector(".cw-author")).getText());
        WebElement link = comment.findElement(By.cssSelector("a.cw-author"));
        assertEquals("https://example.com/hamdi", link.getAttribute("href"));
        assertEquals("nofollow ugc noopener", link.getAttribute("rel"));
        waitForFormStatus("Thank you! Your comment has been published.");
        assertEquals("", driver.findElement(By.id("cw-text")).getAttribute("value"), "the comment field is emptied");

        // The same text again from the same author: 409, its detail in words, never JSON.
        fill("Hamdi Fırat Büyük", "hamdi@example.com", "https://example.com/hamdi", text);
        submit();
        WebElement status = waitForFormStatus("Duplicate comment detected; it looks as though you've already said that!");
        assertTrue(status.getAttribute("class").contains("cw-status-error"));
        assertFalse(status.getText().contains("{"));

        // A fresh page shows it too, from the list the service serves.
        openDemo();
        loadAll();
        WebElement listed = waitForComment(text);
        js("document.activeElement.blur(); arguments[0].scrollIntoView({block: 'center'})", listed);
        screenshot("widget.png");
    }

    @Test
    void invalidFieldsShowTheServersMessagesNextToThem() throws IOException {
        openDemo();
        fill("   ", "hamdi@example", "ftp://example.com", "");
        submit();

        assertFieldError("cw-name", "Please enter your name here");
        assertFieldError("cw-email", "You have entered an incorrect email address!");
        assertFieldError("cw-website", "Please enter a valid website address starting with http:// or https://");
        assertFieldError("cw-text", "Please enter your comment!");
        assertEquals("cw-name", driver.switchTo().activeElement().getAttribute("id"), "the first invalid field has the focus");
        assertEquals("cw-email-hint cw-email-error", driver.findElement(By.id("cw-email")).getAttribute("aria-describedby"),
                "the hint stays in the description");
        assertTrue(formStatus().getText().contains("Please correct the 4 marked fields."));
        js("document.querySelector('.cw-form').scrollIntoView()");
        screenshot("validation.png");

        // Typing a valid value clears that field's error and only that one.
        driver.findElement(By.id("cw-name")).sendKeys("Recep Tayyip Erdoğan");
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> d.findElement(By.id("cw-name")).getAttribute("aria-invalid") == null);
        assertFalse(driver.findElement(By.cssSelector("#cw-name + .cw-error")).isDisplayed());
        assertEquals(null, driver.findElement(By.id("cw-name")).getAttribute("aria-describedby"));
        assertEquals("true", driver.findElement(By.id("cw-email")).getAttribute("aria-invalid"));
        assertTrue(driver.findElement(By.cssSelector("#cw-text + .cw-error")).isDisplayed());
    }

    @Test
    void markupInACommentIsShownAsTextAndNeverRuns() {
        openDemo();
        String name = "<img src=x onerror=\"window.__pwned=1\">";
        String text = "<script>window.__pwned=1</script> and <img src=x onerror=\"window.__pwned=1\"> " + unique();
        fill(name, "", "javascript:alert(1)", text);
        submit();
        assertFieldError("cw-website", "Please enter a valid website address starting with http:// or https://");

        driver.findElement(By.id("cw-website")).clear();
        submit();
        WebElement comment = waitForComment(text);
        assertEquals(name, comment.findElement(By.cssSelector(".cw-author")).getText());
        assertNoMarkupRan();

        // Rendered from the list the service serves, on a fresh page.
        openDemo();
        loadAll();
        assertEquals(name, waitForComment(text).findElement(By.cssSelector(".cw-author")).getText());
        assertNoMarkupRan();
    }

    @Test
    void heldCommentIsAwaitingModeration() {
        String word = letters();
        createdRules.add(api().contentType(ContentType.JSON)
                .body(Map.of("type", "TERMS", "action", "HOLD", "terms", List.of(word), "description", "widget test"))
                .when().post("/api/moderation/rules").then().statusCode(201).extract().jsonPath().getLong("id"));

        openDemo();
        String text = "I would like to say " + word + " about this.";
        fill("Safet Music", "safet@example.com", "", text);
        submit();

        WebElement status = waitForFormStatus("Your comment is awaiting moderation.");
        assertTrue(status.getAttribute("class").contains("cw-status-success"));
        assertTrue(driver.findElements(By.xpath("//p[@class='cw-text'][contains(., '" + word + "')]")).isEmpty(),
                "a held comment is not shown");
    }

    @Test
    void replyIsShownUnderItsParent() {
        String parentText = "Which prisons are meant? " + unique();
        long parentId = postThroughApi("Saad al-Allaq", parentText);

        openDemo();
        loadAll();
        WebElement parent = driver.findElement(By.id("comment-" + parentId));
        WebElement reply = parent.findElement(By.cssSelector(".cw-reply"));
        assertEquals("Reply to Saad al-Allaq", reply.getAttribute("aria-label"));
        js("arguments[0].scrollIntoView({block: 'center'})", reply);
        reply.click();
        assertEquals("cw-text", driver.switchTo().activeElement().getAttribute("id"));
        assertTrue(driver.findElement(By.cssSelector(".cw-replying")).getText().contains("Replying to Saad al-Allaq"));

        String text = "Those in northeast Syria. " + unique();
        fill("Hamdi Fırat Büyük", "", "", text);
        submit();
        WebElement shown = waitForComment(text);
        assertEquals(parentId, Long.parseLong(shown.findElement(By.xpath("ancestor::li[@class='cw-comment'][1]"))
                .getAttribute("id").substring("comment-".length())), "the reply is nested in its parent");
        assertFalse(driver.findElement(By.cssSelector(".cw-replying")).isDisplayed());

        Long storedParent = api().when().get("/api/articles/{id}/comments/{c}", ARTICLE, commentId(shown))
                .then().statusCode(200).extract().jsonPath().getObject("parentId", Long.class);
        assertEquals(parentId, storedParent);
    }

    @Test
    void loadMoreFetchesTheNextPages() {
        for (int i = 0; i < 21; i++) {
            postThroughApi("Reader " + i, "Comment number " + i + " " + unique());
        }
        long total = api().when().get("/api/articles/{id}/comments?size=1", ARTICLE).then().statusCode(200)
                .extract().jsonPath().getLong("totalItems");

        openDemo();
        assertEquals(20, comments().size(), "the first page holds 20 comments");
        assertEquals("(" + total + ")", driver.findElement(By.cssSelector(".cw-count")).getText());
        List<String> firstPage = comments().stream().map(c -> c.getAttribute("id")).toList();
        WebElement more = driver.findElement(By.cssSelector(".cw-more"));
        assertTrue(more.isDisplayed());
        js("arguments[0].scrollIntoView({block: 'center'})", more);
        more.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> comments().size() > 20);
        Object focused = js("return document.activeElement.closest('.cw-comment').id");
        assertFalse(firstPage.contains(focused), "a comment of the new page has the focus: " + focused);
        loadAll();
        assertEquals(total, comments().size());
        assertFalse(driver.findElement(By.cssSelector(".cw-more")).isDisplayed());
    }

    @Test
    @SuppressWarnings("unchecked")
    void screenReadersAndKeyboardsNeverMeetTheHoneypot() {
        openDemo();
        WebElement honeypot = driver.findElement(By.name("email_confirm"));
        assertEquals("-1", honeypot.getAttribute("tabindex"), "not in the tab order");
        assertEquals("off", honeypot.getAttribute("autocomplete"), "never filled in by the browser");
        assertTrue(honeypot.getRect().getX() + honeypot.getRect().getWidth() <= 0, "off screen: " + honeypot.getRect());
        // The accessibility tree, as Chromium gives it to screen readers: the form's four text fields and no other.
        Map<String, Object> tree = ((ChromeDriver) driver).executeCdpCommand("Accessibility.getFullAXTree", Map.of());
        List<String> textboxes = new ArrayList<>();
        for (Map<String, Object> node : (List<Map<String, Object>>) tree.get("nodes")) {
            Object role = node.get("role") instanceof Map<?, ?> r ? r.get("value") : null;
            Object name = node.get("name") instanceof Map<?, ?> n ? n.get("value") : null;
            if (Boolean.TRUE.equals(node.get("ignored"))) {
                continue;
            }
            assertFalse(String.valueOf(name).contains("Leave this field empty"), "the honeypot's label is exposed: " + node);
            if ("textbox".equals(role)) {
                textboxes.add(String.valueOf(name));
            }
        }
        assertEquals(4, textboxes.size(), "text fields a screen reader meets: " + textboxes);
    }

    // --- helpers ----------------------------------------------------------------------------

    void openDemo() {
        driver.get(demo.toString());
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            List<WebElement> count = d.findElements(By.cssSelector(".cw-count"));
            return !count.isEmpty() && count.get(0).getText().matches("\\(\\d+\\)")
                    && d.findElement(By.cssSelector(".cw-list")).getAttribute("aria-busy") == null;
        });
        // The form token has arrived: from now on, the time trap's clock runs.
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js(
                "return performance.getEntriesByType('resource').some(e => e.name.includes('/form-token') && e.responseEnd > 0)")));
        tokenArrived = System.nanoTime();
    }

    /** When the open page's form token arrived (System.nanoTime). */
    static long tokenArrived;

    /** Comments sooner than comments.bots.min-seconds (3) after the form token are held: people take longer. */
    static void waitLikeAPerson() {
        long wait = tokenArrived + Duration.ofMillis(3300).toNanos() - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000 + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void loadAll() {
        for (int i = 0; i < 50; i++) {
            WebElement more = driver.findElement(By.cssSelector(".cw-more"));
            if (!more.isDisplayed()) {
                return;
            }
            int before = comments().size();
            js("arguments[0].click()", more);
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> comments().size() > before
                    || !d.findElement(By.cssSelector(".cw-more")).isDisplayed());
        }
    }

    static List<WebElement> comments() {
        return driver.findElements(By.cssSelector(".cw-comment"));
    }

    static void fill(String name, String email, String website, String text) {
        type("cw-name", name);
        type("cw-email", email);
        type("cw-website", website);
        type("cw-text", text);
    }

    static void type(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        if (!value.isEmpty()) {
            field.sendKeys(value);
        }
    }

    static void submit() {
        waitLikeAPerson();
        WebElement button = driver.findElement(By.cssSelector(".cw-form [type=submit]"));
        js("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    static WebElement formStatus() {
        return driver.findElement(By.cssSelector(".cw-form .cw-status"));
    }

    static WebElement waitForFormStatus(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> formStatus().getText().equals(text));
        return formStatus();
    }

    /** The rendered comment whose text is exactly this, once it is there. */
    static WebElement waitForComment(String text) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(".cw-comment"))
                .stream().filter(c -> c.findElement(By.cssSelector(".cw-text")).getText().equals(text))
                .findFirst().orElse(null));
    }

    static void assertFieldError(String fieldId, String message) {
        WebElement field = driver.findElement(By.id(fieldId));
        WebElement error = new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + fieldId + " + .cw-error")));
        assertEquals(message, error.getText(), "the message right after " + fieldId);
        assertEquals("true", field.getAttribute("aria-invalid"));
        assertTrue(List.of(field.getAttribute("aria-describedby").split(" ")).contains(error.getAttribute("id")),
                fieldId + " is described by its error");
    }

    static void assertNoMarkupRan() {
        assertEquals("undefined", js("return typeof window.__pwned"));
        assertTrue(driver.findElements(By.cssSelector("[data-comments] .cw-list img, [data-comments] .cw-list script"))
                .isEmpty(), "no element was made from a comment");
    }

    static long commentId(WebElement comment) {
        return Long.parseLong(comment.getAttribute("id").substring("comment-".length()));
    }

    static long postThroughApi(String name, String text) {
        return Readers.from(api(), "10.9." + RANDOM.nextInt(250) + "." + RANDOM.nextInt(250)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "text", text))
                .when().post("/api/articles/{id}/comments", ARTICLE)
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The API as the admin (rule changes need it; public endpoints ignore the credentials). */
    static RequestSpecification api() {
        return given().auth().preemptive().basic(Accounts.ADMIN, Accounts.ADMIN_PASSWORD).baseUri(root.getProtocol() + "://" + root.getHost()).port(root.getPort());
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static void screenshot(String file) throws IOException {
        HeadlessChromium.screenshot(driver, file);
    }

    static String unique() {
        return "#" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String letters() {
        return TestWords.madeUp("zq");
    }

    @SuppressWarnings("unchecked")
    static void setFloodRuleEnabled(boolean enabled) {
        if (floodRule == null) {
            List<Map<String, Object>> rules = api().when().get("/api/moderation/rules?type=FLOOD")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            assertFalse(rules.isEmpty(), "the FLOOD rule exists");
            floodRule = rules.get(0);
        }
        Map<String, Object> body = new HashMap<>();
        for (String key : List.of("type", "action", "description", "intervalSeconds")) {
            if (floodRule.get(key) != null) {
                body.put(key, floodRule.get(key));
            }
        }
        body.put("enabled", enabled && Boolean.TRUE.equals(floodRule.get("enabled")));
        Object id = floodRule.get("id");
        assertNotNull(id);
        api().contentType(ContentType.JSON).body(body).when().put("/api/moderation/rules/{id}", id)
                .then().statusCode(200);
    }
}
