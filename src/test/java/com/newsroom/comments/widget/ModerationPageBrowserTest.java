package com.newsroom.comments.widget;

import com.newsroom.comments.support.TestWords;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.newsroom.comments.support.Accounts;
import com.newsroom.comments.support.HeadlessChromium;
import com.newsroom.comments.support.Readers;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The moderation queue page (/moderation/) in a real browser: the system Chromium through the system
 * chromedriver, as in {@link WidgetBrowserTest}. Skipped where Chromium is not installed.
 *
 * <p>Screenshots land in {@code target/screenshots/}; with {@code -Ddocs.screenshots=true} the queue's is also
 * copied to {@code docs/moderation.png} (the README's picture), so that ordinary runs leave the sources alone.
 *
 * <p>A HOLD TERMS rule with a random word is created for the class (and deleted afterwards); comments
 * containing the word are posted through the public API, each from its own X-Forwarded-For address, so the
 * FLOOD rule never stops them.
 */
@QuarkusTest
class ModerationPageBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String ARTICLE = "demo-article";
    static final Random RANDOM = new Random();

    static WebDriver driver;
    static HeadlessChromium.Session browser;
    static String word;
    static final List<Long> createdRules = new ArrayList<>();

    @TestHTTPResource("/moderation/")
    URL page;

    @TestHTTPResource("/demo/")
    URL demo;

    /** The application's root URL, kept for @AfterAll: Quarkus resets RestAssured's port after each test. */
    static URL root;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.open("moderation", "1100,1300");
        driver = browser.driver();
        Files.createDirectories(SCREENSHOTS);
    }

    @BeforeEach
    void holdRuleOnce() {
        if (root == null) {
            root = page;
            Accounts.ensure(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD, "moderator");
            word = letters();
            createdRules.add(api().contentType(ContentType.JSON)
                    .body(Map.of("type", "TERMS", "action", "HOLD", "terms", List.of(word),
                            "description", "moderation page test"))
                    .when().post("/api/moderation/rules").then().statusCode(201).extract().jsonPath().getLong("id"));
        }
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        for (long id : createdRules) {
            api().when().delete("/api/moderation/rules/{id}", id).then().statusCode(204);
        }
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void heldCommentIsHighlightedAndApprovedCommentAppearsOnTheArticle() throws IOException {
        String tag = unique();
        // Non-Latin letters and an emoji (two UTF-16 units) before the word: start/end are UTF-16 offsets.
        String text = "Teşekkürler 👍 — but could you explain what " + word + " means here? " + tag;
        long id = postThroughApi("Hamdi Fırat Büyük", text);
        long other = postThroughApi("Safet Music", "Is " + word + " the same in Bosnia? " + tag);

        openAndSignIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        filter("PENDING", ARTICLE, tag);
        WebElement item = waitForItem(id);
        waitForItem(other);

        WebElement shownText = item.findElement(By.cssSelector(".mq-text"));
        assertEquals(text, shownText.getText());
        List<WebElement> marks = shownText.findElements(By.tagName("mark"));
        assertEquals(1, marks.size(), "one match highlighted in the text");
        assertEquals(word, marks.get(0).getText());
        assertEquals("Hamdi Fırat Büyük", item.findElement(By.cssSelector(".mq-name")).getText());
        String reason = item.findElement(By.cssSelector(".mq-reason")).getText();
        assertTrue(reason.contains("TERMS") && reason.contains("rule #" + createdRules.get(0)) && reason.contains("HOLD"), reason);
        assertEquals(word, item.findElement(By.cssSelector(".mq-reason mark")).getText());
        assertTrue(item.findElement(By.cssSelector(".mq-meta")).getText().contains(ARTICLE));
        long pendingBefore = statCount("PENDING");
        long approvedBefore = statCount("APPROVED");

        js("document.activeElement.blur(); window.scrollTo(0, 0)");
        HeadlessChromium.docsScreenshot(driver, "moderation.png");

        item.findElement(By.cssSelector("button.mq-decide-approve")).click();
        waitForStatus("Approved: comment by Hamdi Fırat Büyük.");
        wait(10).until(d -> d.findElements(By.id("mq-comment-" + id)).isEmpty());
        assertEquals(1, driver.findElements(By.cssSelector("#mq-list .mq-item")).size());
        assertEquals(pendingBefore - 1, statCount("PENDING"), "the counts are refreshed");
        assertEquals(approvedBefore + 1, statCount("APPROVED"));
        assertEquals("APPROVED", moderatorApi().when().get("/api/moderation/comments/{id}", id)
                .then().statusCode(200).extract().jsonPath().getString("status"));

        // The article page now shows it.
        driver.get(demo.toString());
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector(".cw-count")).isEmpty()
                && d.findElement(By.cssSelector(".cw-count")).getText().matches("\\(\\d+\\)")
                && d.findElement(By.cssSelector(".cw-list")).getAttribute("aria-busy") == null);
        for (int i = 0; i < 50; i++) { // "Load more comments" until the last page
            WebElement more = driver.findElement(By.cssSelector(".cw-more"));
            if (!more.isDisplayed()) {
                break;
            }
            int before = driver.findElements(By.cssSelector(".cw-comment")).size();
            js("arguments[0].click()", more);
            wait(10).until(d -> d.findElements(By.cssSelector(".cw-comment")).size() > before
                    || !d.findElement(By.cssSelector(".cw-more")).isDisplayed());
        }
        WebElement published = wait(10).until(d -> d.findElements(By.cssSelector(".cw-comment")).stream()
                .filter(c -> c.findElement(By.cssSelector(".cw-text")).getText().equals(text)).findFirst().orElse(null));
        assertEquals("Hamdi Fırat Büyük", published.findElement(By.cssSelector(".cw-author")).getText());
    }

    @Test
    void theSessionSurvivesAReloadKeepsNoPasswordAndEndsOnSignOut() {
        openAndSignIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        org.openqa.selenium.Cookie cookie = driver.manage().getCookieNamed("moderator_session");
        assertTrue(cookie != null && cookie.isHttpOnly(), "an HttpOnly session cookie");
        assertEquals("", js("return document.cookie"), "the page's script cannot read the session cookie");
        assertEquals(0L, js("return localStorage.length + sessionStorage.length"), "nothing in storage");

        driver.navigate().refresh();
        wait(15).until(d -> d.findElement(By.id("mq-workspace")).isDisplayed());
        assertFalse(driver.findElement(By.id("mq-signin")).isDisplayed(), "no sign-in after a reload");
        assertEquals(Accounts.MODERATOR, driver.findElement(By.id("mq-username")).getText());
        assertEquals("", driver.findElement(By.id("mq-signin-password")).getAttribute("value"));

        driver.findElement(By.id("mq-signout")).click();
        wait(10).until(d -> d.findElement(By.id("mq-signin")).isDisplayed());
        given().baseUri(root.getProtocol() + "://" + root.getHost()).port(root.getPort())
                .cookie("moderator_session", cookie.getValue()).when().get("/api/moderation/session").then().statusCode(401);
        driver.navigate().refresh();
        wait(10).until(d -> d.findElement(By.id("mq-signin")).isDisplayed());
        assertFalse(driver.findElement(By.id("mq-workspace")).isDisplayed());
    }

    @Test
    void wrongPasswordIsRefusedInWords() {
        driver.manage().deleteAllCookies();
        driver.get(page.toString());
        WebElement form = wait(10).until(d -> {
            WebElement f = d.findElement(By.id("mq-signin"));
            return f.isDisplayed() ? f : null;
        });
        signIn(Accounts.MODERATOR, "not-the-password");
        WebElement error = driver.findElement(By.id("mq-signin-error"));
        wait(10).until(d -> error.getText().equals("Wrong user name or password"));
        assertTrue(form.isDisplayed());
        assertFalse(driver.findElement(By.id("mq-workspace")).isDisplayed());
        assertEquals("mq-signin-password", driver.switchTo().activeElement().getAttribute("id"));

        // The right one then works (and clears the failure count).
        signIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        wait(10).until(d -> d.findElement(By.id("mq-workspace")).isDisplayed());
        assertEquals(Accounts.MODERATOR, driver.findElement(By.id("mq-username")).getText());
        assertEquals("", driver.findElement(By.id("mq-signin-password")).getAttribute("value"), "the password field is emptied");
    }

    @Test
    void markupInACommentIsShownAsTextAndNeverRuns() {
        String tag = unique();
        String name = "<img src=x onerror=window.__pwned=1>";
        String text = "<img src=x onerror=window.__pwned=1> <script>window.__pwned=1</script> " + word + " " + tag;
        long id = postThroughApi(name, text);

        openAndSignIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        filter("PENDING", ARTICLE, tag);
        WebElement item = waitForItem(id);
        assertEquals(text, item.findElement(By.cssSelector(".mq-text")).getText());
        assertEquals(word, item.findElement(By.cssSelector(".mq-text mark")).getText());
        assertEquals(name, item.findElement(By.cssSelector(".mq-name")).getText());
        assertEquals("undefined", js("return typeof window.__pwned"));
        assertTrue(driver.findElements(By.cssSelector("#mq-list img, #mq-list script")).isEmpty(),
                "no element was made from a comment");
    }

    @Test
    void bulkDecisionsAndAStaleVersion() {
        String tag = unique();
        long first = postThroughApi("Saad al-Allaq", "First " + word + " " + tag);
        long second = postThroughApi("Recep Tayyip Erdoğan", "Second " + word + " " + tag);
        long third = postThroughApi("Safet Music", "Third " + word + " " + tag);

        openAndSignIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        filter("PENDING", ARTICLE, tag);
        waitForItem(third);
        WebElement bulkReject = driver.findElement(By.cssSelector(".mq-bulk-action[data-action=reject]"));
        assertFalse(bulkReject.isEnabled(), "nothing selected yet");
        waitForItem(first).findElement(By.cssSelector("input.mq-select")).click();
        waitForItem(second).findElement(By.cssSelector("input.mq-select")).click();
        assertEquals("2 selected", driver.findElement(By.id("mq-selected-count")).getText());
        bulkReject.click();
        waitForStatus("Rejected: 2 comments.");
        wait(10).until(d -> d.findElements(By.cssSelector("#mq-list .mq-item")).size() == 1);
        for (long id : List.of(first, second)) {
            assertEquals("REJECTED", moderatorApi().when().get("/api/moderation/comments/{id}", id)
                    .then().statusCode(200).extract().jsonPath().getString("status"));
        }

        // Someone else marks the third as spam meanwhile: this page's version is stale (412).
        moderatorApi().when().post("/api/moderation/comments/{id}/spam", third).then().statusCode(200);
        waitForItem(third).findElement(By.cssSelector("button.mq-decide-approve")).click();
        waitForStatus("Someone else changed this comment; reloaded.");
        wait(10).until(d -> d.findElements(By.cssSelector("#mq-list .mq-item")).isEmpty());
        assertEquals("SPAM", moderatorApi().when().get("/api/moderation/comments/{id}", third)
                .then().statusCode(200).extract().jsonPath().getString("status"));

        // The rejected ones are under Rejected.
        filter("REJECTED", ARTICLE, tag);
        waitForItem(first);
        waitForItem(second);
        assertFalse(waitForItem(first).findElement(By.cssSelector("button.mq-decide-reject")).isEnabled());
    }

    @Test
    void theConsolesPolicyBlocksAnInjectedInlineScript() {
        openAndSignIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        assertEquals("blocked", inject(), "the console's Content-Security-Policy");

        // The same injection on a page without the policy runs: the check above can fail.
        driver.get(demo.toString());
        wait(10).until(d -> !d.findElements(By.cssSelector("[data-comments] .cw-form")).isEmpty());
        assertEquals("ran", inject(), "the demo page has no such policy");
    }

    /**
     * Adds an inline script and an inline event handler: "blocked" when neither ran and the policy said so. (eval
     * cannot be tried here: WebDriver's scripts run outside the page's policy; PageHeadersTest checks that the
     * policy allows none.)
     */
    static String inject() {
        js("""
                window.__ran = []; window.__violations = [];
                document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.effectiveDirective));
                const s = document.createElement('script');
                s.textContent = 'window.__ran.push("script")';
                document.body.append(s);
                const img = document.createElement('img');
                img.setAttribute('onerror', 'window.__ran.push("handler")');
                img.setAttribute('src', 'data:,not-an-image');
                document.body.append(img);""");
        wait(5).until(d -> ((Number) js("return window.__ran.length + window.__violations.length")).intValue() >= 2);
        @SuppressWarnings("unchecked")
        List<String> ran = (List<String>) js("return window.__ran");
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) js("return window.__violations");
        if (ran.isEmpty()) {
            assertTrue(violations.contains("script-src-elem") && violations.contains("script-src-attr"), violations.toString());
            return "blocked";
        }
        wait(5).until(d -> ((Number) js("return window.__ran.length")).intValue() == 2);
        return "ran";
    }

    @Test
    void everyViewHasItsAddressAndTheNavMarksIt() {
        openAndSignIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        assertTrue(driver.getCurrentUrl().endsWith("#/queue"), driver.getCurrentUrl());
        assertEquals("page", driver.findElement(By.cssSelector("#mq-nav a[href='#/queue']")).getAttribute("aria-current"));
        wait(5).until(d -> "mq-queue-title".equals(d.switchTo().activeElement().getAttribute("id"))); // the view's heading

        driver.findElement(By.cssSelector("#mq-nav a[href='#/account']")).click();
        wait(10).until(d -> !d.findElements(By.id("mq-account-username")).isEmpty());
        assertEquals(Accounts.MODERATOR, driver.findElement(By.id("mq-account-username")).getText());
        wait(5).until(d -> "mq-account-title".equals(d.switchTo().activeElement().getAttribute("id")));
        assertEquals("page", driver.findElement(By.cssSelector("#mq-nav a[href='#/account']")).getAttribute("aria-current"));
        assertTrue(driver.getTitle().startsWith("Account"), driver.getTitle());

        // A deep link survives a reload, and the filter is part of the address.
        driver.get(page + "#/queue?status=SPAM&q=nothing-matches-this");
        driver.navigate().refresh();
        wait(15).until(d -> d.findElement(By.id("mq-summary")).getText().startsWith("0 spam comments matching"));
        assertEquals("SPAM", new Select(driver.findElement(By.id("mq-filter-status"))).getFirstSelectedOption().getAttribute("value"));

        driver.get(page + "#/no-such-view");
        wait(10).until(d -> d.findElement(By.cssSelector("#mq-view h2")).getText().equals("Not found"));
    }

    @Test
    void aCommentHeldThroughTheApiAppearsInAnOpenQueueWithinTwoSeconds() throws IOException {
        String article = "live-" + UUID.randomUUID().toString().substring(0, 8);
        long first = postThroughApi(article, "Hamdi Fırat Büyük", "First " + word);
        openAndSignIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        driver.get(page + "#/queue?articleId=" + article);
        wait(10).until(d -> d.findElement(By.id("mq-summary")).getText().equals("1 pending comment on " + article + "."));
        waitForItem(first);
        wait(10).until(d -> d.findElement(By.id("mq-live")).getText().equals("Live updates on"));
        WebElement newButton = driver.findElement(By.id("mq-new"));
        assertFalse(newButton.isDisplayed());

        long second = postThroughApi(article, "Safet Music", "Second " + word);
        long posted = System.nanoTime();
        new WebDriverWait(driver, Duration.ofSeconds(2), Duration.ofMillis(50))
                .until(d -> newButton.isDisplayed() && newButton.getText().equals("1 new comment: show"));
        System.out.printf("Live update shown %d ms after the post answered%n", (System.nanoTime() - posted) / 1_000_000);
        assertTrue(driver.findElements(By.id("mq-comment-" + second)).isEmpty(), "nothing moves under the cursor");
        assertEquals(1, driver.findElements(By.cssSelector("#mq-list .mq-item")).size());
        js("document.activeElement.blur(); window.scrollTo(0, 0)");
        docsScreenshot("console-live.png");

        // Another moderator approves the first one meanwhile: its card says so.
        moderatorApi().when().post("/api/moderation/comments/{id}/approve", first).then().statusCode(200);
        wait(5).until(d -> waitForItem(first).findElement(By.cssSelector(".mq-changed")).getText()
                .equals("Changed by another moderator: now APPROVED."));

        newButton.click();
        waitForItem(second);
        wait(5).until(d -> !newButton.isDisplayed());
        assertEquals(1, driver.findElements(By.cssSelector("#mq-list .mq-item")).size(), "the approved one left");
    }

    @Test
    void withWordsInTheFilterOnlyMatchingNewCommentsAreCounted() {
        String article = "live-words-" + UUID.randomUUID().toString().substring(0, 8);
        String tag = unique();
        long first = postThroughApi(article, "Hamdi Fırat Büyük", "First " + word + " " + tag);
        openAndSignIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        filter("PENDING", article, tag);
        waitForItem(first);
        wait(10).until(d -> d.findElement(By.id("mq-live")).getText().equals("Live updates on"));
        WebElement newButton = driver.findElement(By.id("mq-new"));

        postThroughApi(article, "Safet Music", "Other words " + word); // held on the article, without the words
        long matching = postThroughApi(article, "Saad al-Allaq", "Second " + word + " " + tag.toUpperCase(java.util.Locale.ROOT));
        new WebDriverWait(driver, Duration.ofSeconds(2), Duration.ofMillis(50))
                .until(d -> newButton.isDisplayed() && newButton.getText().equals("1 new comment: show"));
        postThroughApi(article, "Safet Music", "More other words " + word);
        try {
            wait(2).until(d -> !newButton.getText().equals("1 new comment: show"));
            throw new AssertionError("a comment without the words was counted: " + newButton.getText());
        } catch (org.openqa.selenium.TimeoutException expected) {
            // still one
        }
        newButton.click();
        waitForItem(matching);
        assertEquals(2, driver.findElements(By.cssSelector("#mq-list .mq-item")).size());
    }

    @Test
    void keyboardTriageMovesSelectsAndDecidesWithIfMatch() throws IOException {
        String tag = unique();
        long first = postThroughApi("Saad al-Allaq", "One " + word + " " + tag);
        long second = postThroughApi("Recep Tayyip Erdoğan", "Two " + word + " " + tag);
        long third = postThroughApi("Safet Music", "Three " + word + " " + tag);
        openAndSignIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        filter("PENDING", ARTICLE, tag);
        waitForItem(third);

        // "?" shows the keys in a dialog; Escape closes it and gives the focus back.
        driver.findElement(By.id("mq-queue-title")).click();
        keys("?");
        WebElement dialog = wait(5).until(d -> d.findElement(By.id("mq-keys")).isDisplayed() ? d.findElement(By.id("mq-keys")) : null);
        assertTrue(dialog.getText().contains("Approve") && dialog.getText().contains("Select or unselect"), dialog.getText());
        docsScreenshot("console-keys.png");
        keys(Keys.ESCAPE);
        wait(5).until(d -> !d.findElement(By.id("mq-keys")).isDisplayed());

        keys("j");
        assertEquals("mq-comment-" + first, focusedItem());
        keys("j");
        assertEquals("mq-comment-" + second, focusedItem());
        keys("j", "k");
        assertEquals("mq-comment-" + second, focusedItem());
        keys("x");
        assertEquals("1 selected", driver.findElement(By.id("mq-selected-count")).getText());
        assertTrue(waitForItem(second).findElement(By.cssSelector("input.mq-select")).isSelected());

        keys("a");
        waitForStatus("Approved: comment by Recep Tayyip Erdoğan.");
        wait(10).until(d -> d.findElements(By.id("mq-comment-" + second)).isEmpty());
        assertEquals("APPROVED", moderatorApi().when().get("/api/moderation/comments/{id}", second)
                .then().statusCode(200).extract().jsonPath().getString("status"));
        wait(5).until(d -> ("mq-comment-" + third).equals(focusedItem())); // the next one

        // Another moderator holds the third meanwhile (its version changes): "s" is refused by If-Match.
        moderatorApi().when().post("/api/moderation/comments/{id}/hold", third).then().statusCode(200);
        keys("s");
        waitForStatus("Someone else changed this comment; reloaded.");
        assertEquals("PENDING", moderatorApi().when().get("/api/moderation/comments/{id}", third)
                .then().statusCode(200).extract().jsonPath().getString("status"));

        // Typing in a field is typing, not triage.
        WebElement words = driver.findElement(By.id("mq-filter-q"));
        words.click();
        keys("r");
        assertTrue(words.getAttribute("value").endsWith("r"));
        assertEquals("PENDING", moderatorApi().when().get("/api/moderation/comments/{id}", first)
                .then().statusCode(200).extract().jsonPath().getString("status"));
    }

    static void keys(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
    }

    /** The id of the queue item whose card holds the focus. */
    static String focusedItem() {
        return (String) js("const c = document.activeElement.closest('.mq-item'); return c ? c.id : null");
    }

    @Test
    void aCommentsDetailEditThenRestoreShowsItsHistory() throws IOException {
        String tag = unique();
        String original = "My phone is 555 0100, ask about " + word + " " + tag;
        long id = postThroughApi("Hamdi Fırat Büyük", original);
        openAndSignIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        filter("PENDING", ARTICLE, tag);
        waitForItem(id).findElement(By.cssSelector("a.mq-details")).click();
        wait(10).until(d -> d.getCurrentUrl().endsWith("#/comments/" + id) && !d.findElements(By.id("mq-detail-text")).isEmpty());
        wait(5).until(d -> "mq-comment-title".equals(d.switchTo().activeElement().getAttribute("id")));
        assertEquals(original, driver.findElement(By.id("mq-detail-text")).getText());
        assertEquals(word, driver.findElement(By.cssSelector("#mq-detail-text mark")).getText());
        assertTrue(driver.findElement(By.id("mq-history")).getText().contains("No moderator has acted"));
        assertFalse(driver.findElement(By.id("mq-view")).getText().contains("null"), "nothing shows as null");

        // Edit: the phone number goes, the original stays in the history.
        String edited = "My phone is [removed], ask about " + word + " " + tag;
        WebElement text = driver.findElement(By.id("mq-edit-text"));
        text.clear();
        text.sendKeys(edited);
        driver.findElement(By.id("mq-edit-note")).sendKeys("Removed a phone number");
        driver.findElement(By.cssSelector("#mq-edit [type=submit]")).click();
        waitForStatus("Text saved: comment " + id + ".");
        wait(10).until(d -> d.findElement(By.id("mq-detail-text")).getText().equals(edited));
        WebElement entry = driver.findElement(By.cssSelector(".mq-history-entry[data-action=EDIT]"));
        assertTrue(entry.getText().contains("Removed a phone number") && entry.getText().contains(Accounts.MODERATOR), entry.getText());
        assertEquals(original, entry.findElement(By.cssSelector(".mq-previous-text")).getText());
        assertEquals(edited, moderatorApi().when().get("/api/moderation/comments/{id}", id).then().extract().jsonPath().getString("text"));

        // Reject, then restore it; then put the original text back from the history.
        driver.findElement(By.cssSelector("#mq-view button.mq-decide-reject")).click();
        waitForStatus("Rejected: comment " + id + " by Hamdi Fırat Büyük.");
        wait(10).until(d -> d.findElement(By.cssSelector("#mq-view button.mq-decide-restore")).isEnabled());
        driver.findElement(By.cssSelector("#mq-view button.mq-decide-restore")).click();
        waitForStatus("Restored: comment " + id + " by Hamdi Fırat Büyük.");
        wait(10).until(d -> d.findElement(By.cssSelector(".mq-restore-text")).isDisplayed());
        driver.findElement(By.cssSelector(".mq-restore-text")).click();
        waitForStatus("Earlier text put back: comment " + id + ".");
        wait(10).until(d -> d.findElement(By.id("mq-detail-text")).getText().equals(original));
        List<String> actions = driver.findElements(By.cssSelector(".mq-history-entry")).stream()
                .map(e -> e.getAttribute("data-action")).toList();
        assertEquals(List.of("EDIT", "REJECT", "RESTORE", "EDIT"), actions);
        List<WebElement> previous = driver.findElements(By.cssSelector(".mq-previous-text"));
        assertEquals(edited, previous.get(1).getText(), "the edited text is kept too");
        js("document.activeElement.blur(); window.scrollTo(0, 0)");
        docsScreenshot("console-comment.png");

        // Deleting asks first, naming the comment; Cancel keeps it.
        driver.findElement(By.id("mq-delete")).click();
        WebElement confirm = wait(5).until(d -> d.findElement(By.id("mq-confirm")).isDisplayed() ? d.findElement(By.id("mq-confirm")) : null);
        assertTrue(confirm.getText().contains("Comment " + id + " by Hamdi Fırat Büyük will be deleted for good"), confirm.getText());
        driver.findElement(By.id("mq-confirm-no")).click();
        wait(5).until(d -> !d.findElement(By.id("mq-confirm")).isDisplayed());
        moderatorApi().when().get("/api/moderation/comments/{id}", id).then().statusCode(200);
        driver.findElement(By.id("mq-delete")).click();
        wait(5).until(d -> d.findElement(By.id("mq-confirm")).isDisplayed());
        driver.findElement(By.id("mq-confirm-yes")).click();
        waitForStatus("Deleted: comment " + id + " by Hamdi Fırat Büyük.");
        wait(10).until(d -> d.getCurrentUrl().endsWith("#/queue"));
        moderatorApi().when().get("/api/moderation/comments/{id}", id).then().statusCode(404);
    }

    @Test
    void spamWithBlockThenEraseTheAuthorAfterAConfirmationNamingWhatGoes() {
        String email = "erase-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String ip = Readers.uniqueIp();
        long id = ((Number) Readers.from(api(), ip).contentType(ContentType.JSON)
                .body(Map.of("name", "Safet Music", "email", email, "text", "Buy " + word + " now " + unique()))
                .when().post("/api/articles/{id}/comments", ARTICLE).then().statusCode(201).extract().path("id")).longValue();
        openAndSignIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        driver.get(page + "#/comments/" + id);
        wait(10).until(d -> !d.findElements(By.id("mq-detail-text")).isEmpty());
        assertEquals("All comments by this e-mail address: 1 pending.", driver.findElement(By.id("mq-author-counts")).getText());

        driver.findElement(By.id("mq-detail-block")).click();
        driver.findElement(By.cssSelector("#mq-view button.mq-decide-spam")).click();
        wait(10).until(d -> d.findElement(By.id("mq-status")).getText().endsWith("comment " + id + " by Safet Music."));
        assertEquals("SPAM", moderatorApi().when().get("/api/moderation/comments/{id}", id).then().extract().jsonPath().getString("status"));
        List<Map<String, Object>> rules = api().queryParam("type", "AUTHORS").queryParam("size", 100).when().get("/api/moderation/rules").then()
                .statusCode(200).extract().jsonPath().getList("items.findAll { it.type == 'AUTHORS' && it.emails != null && it.emails.contains('" + email + "') }");
        assertEquals(1, rules.size(), "the author is blocked by an AUTHORS rule");
        assertEquals(List.of(ip), rules.get(0).get("ips"));
        createdRules.add(((Number) rules.get(0).get("id")).longValue()); // deleted after the class

        driver.findElement(By.id("mq-erase")).click();
        wait(5).until(d -> d.findElement(By.id("mq-confirm")).isDisplayed());
        String question = driver.findElement(By.id("mq-confirm-text")).getText();
        assertTrue(question.startsWith("Everything stored about " + email + " will be erased for good: 1 comment by this e-mail"), question);
        driver.findElement(By.id("mq-confirm-yes")).click();
        waitForStatus("Erased " + email + ": 1 comment.");
        wait(10).until(d -> d.getCurrentUrl().endsWith("#/queue"));
        moderatorApi().when().get("/api/moderation/comments/{id}", id).then().statusCode(404);
    }

    @Test
    void onAPhoneWidthScreenNothingScrollsSideways() throws IOException {
        String tag = unique();
        long id = postThroughApi("Hamdi Fırat Büyük", "A long comment on a small screen about " + word + " " + tag);
        openAndSignIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            filter("PENDING", ARTICLE, tag);
            waitForItem(id);
            js("document.activeElement.blur(); window.scrollTo(0, 0)");
            assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                    "the queue fits the width");
            docsScreenshot("console-phone.png");
            driver.get(page + "#/comments/" + id);
            wait(10).until(d -> !d.findElements(By.id("mq-detail-text")).isEmpty());
            assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                    "the comment's view fits the width");
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 1300));
        }
    }

    static void docsScreenshot(String file) throws IOException {
        HeadlessChromium.docsScreenshot(driver, file);
    }

    @Test
    void arabicNamesAndTextsReadRightToLeftInTheEnglishConsole() {
        String tag = unique();
        String name = "سارة الأحمد";
        String text = "شكرا على التقرير، لكن ما معنى " + word + " هنا؟ " + tag;
        long id = postThroughApi(name, text);
        openAndSignIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        filter("PENDING", ARTICLE, tag);
        WebElement item = waitForItem(id);
        for (WebElement shown : List.of(item.findElement(By.cssSelector(".mq-name")), item.findElement(By.cssSelector(".mq-text")),
                item.findElement(By.cssSelector(".mq-excerpt")))) {
            assertEquals("auto", shown.getAttribute("dir"), shown.getText());
            assertEquals("rtl", js("return getComputedStyle(arguments[0]).direction", shown), shown.getText());
        }
        assertEquals(text, item.findElement(By.cssSelector(".mq-text")).getText());
        assertEquals("ltr", js("return getComputedStyle(arguments[0]).direction", item), "the console itself stays left to right");

        item.findElement(By.cssSelector("a.mq-details")).click();
        wait(10).until(d -> !d.findElements(By.id("mq-detail-text")).isEmpty());
        assertEquals("rtl", js("return getComputedStyle(arguments[0]).direction", driver.findElement(By.id("mq-detail-text"))));
        assertEquals("rtl", js("return getComputedStyle(arguments[0]).direction", driver.findElement(By.cssSelector(".mq-detail-name"))));
    }

    // --- helpers ----------------------------------------------------------------------------

    void openAndSignIn(String username, String password) {
        driver.get(page.toString());
        driver.manage().deleteAllCookies(); // each test signs in afresh
        driver.navigate().refresh();
        wait(10).until(d -> d.findElement(By.id("mq-signin")).isDisplayed());
        signIn(username, password);
        wait(15).until(d -> d.findElement(By.id("mq-workspace")).isDisplayed()
                && d.findElement(By.id("mq-list")).getAttribute("aria-busy") == null);
    }

    static void signIn(String username, String password) {
        WebElement user = driver.findElement(By.id("mq-signin-user"));
        user.clear();
        user.sendKeys(username);
        WebElement pass = driver.findElement(By.id("mq-signin-password"));
        pass.clear();
        pass.sendKeys(password);
        driver.findElement(By.cssSelector("#mq-signin [type=submit]")).click();
    }

    static void filter(String status, String articleId, String q) {
        new Select(driver.findElement(By.id("mq-filter-status"))).selectByValue(status);
        WebElement article = driver.findElement(By.id("mq-filter-article"));
        article.clear();
        article.sendKeys(articleId);
        WebElement words = driver.findElement(By.id("mq-filter-q"));
        words.clear();
        words.sendKeys(q);
        driver.findElement(By.cssSelector("#mq-filters [type=submit]")).click();
        // The list shown at sign-in may hold the same comments: wait for the filtered one.
        wait(10).until(d -> {
            String summary = d.findElement(By.id("mq-summary")).getText();
            return summary.contains(" " + status.toLowerCase(java.util.Locale.ROOT) + " comment")
                    && summary.contains("matching “" + q + "”") && d.findElement(By.id("mq-list")).getAttribute("aria-busy") == null;
        });
    }

    static WebElement waitForItem(long id) {
        return wait(10).until(d -> d.findElements(By.id("mq-comment-" + id)).stream().findFirst().orElse(null));
    }

    static void waitForStatus(String text) {
        wait(10).until(d -> d.findElement(By.id("mq-status")).getText().equals(text));
    }

    static long statCount(String status) {
        return Long.parseLong(driver.findElement(By.cssSelector(".mq-stat[data-status=" + status + "] .mq-stat-count")).getText());
    }

    static WebDriverWait wait(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    static long postThroughApi(String name, String text) {
        return postThroughApi(ARTICLE, name, text);
    }

    static long postThroughApi(String article, String name, String text) {
        Map<String, Object> body = Readers.from(api(), "10.8." + RANDOM.nextInt(250) + "." + RANDOM.nextInt(250))
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "text", text))
                .when().post("/api/articles/{id}/comments", article)
                .then().statusCode(201).extract().jsonPath().getMap("");
        assertEquals("PENDING", body.get("status"), "held by the rule");
        return ((Number) body.get("id")).longValue();
    }

    /** The API as the admin (rule changes need it; public endpoints ignore the credentials). */
    static RequestSpecification api() {
        return given().auth().preemptive().basic(Accounts.ADMIN, Accounts.ADMIN_PASSWORD)
                .baseUri(root.getProtocol() + "://" + root.getHost()).port(root.getPort());
    }

    static RequestSpecification moderatorApi() {
        return given().auth().preemptive().basic(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD)
                .baseUri(root.getProtocol() + "://" + root.getHost()).port(root.getPort());
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
}
