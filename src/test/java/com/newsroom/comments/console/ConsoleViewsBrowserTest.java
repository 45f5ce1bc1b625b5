package com.newsroom.comments.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.newsroom.comments.support.Accounts;
import com.newsroom.comments.support.ConsoleInBrowser;
import com.newsroom.comments.support.HeadlessChromium;
import com.newsroom.comments.support.Readers;
import com.newsroom.comments.support.TestWords;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The console's management views in headless Chromium (as {@code ModerationPageBrowserTest}): rules with the
 * dry-run tester, articles, the audit log and moderator accounts, each through its main path. Screenshots
 * land in {@code target/screenshots/}; with {@code -Ddocs.screenshots=true} also in {@code docs/} (the
 * README's pictures).
 */
@QuarkusTest
class ConsoleViewsBrowserTest {

    static WebDriver driver;
    static HeadlessChromium.Session browser;

    @TestHTTPResource("/moderation/")
    URL page;

    @TestHTTPResource("/demo/")
    URL demo;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.open("console", "1200,1400");
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        HeadlessChromium.close(browser);
    }

    @Test
    void aTermsRuleMadeInTheFormCatchesACommentInTheTester() throws IOException {
        signIn(Accounts.ADMIN, Accounts.ADMIN_PASSWORD);
        String term = TestWords.madeUp("zv");
        String dropped = TestWords.madeUp("zw");
        open("#/rules/new");
        WebElement add = waitFor(By.id("mq-terms-add"));
        add.sendKeys(term + ", " + dropped, Keys.ENTER);
        waitForStatusContaining("Added " + term + ", " + dropped);
        assertEquals(List.of(term, dropped), texts("#mq-terms-list .mq-term-text"));
        WebElement search = driver.findElement(By.id("mq-terms-search"));
        search.sendKeys(dropped);
        assertEquals(List.of(dropped), texts("#mq-terms-list .mq-term-text"));
        driver.findElement(By.cssSelector("#mq-terms-list .mq-term-remove")).click();
        waitForStatusContaining("Removed " + dropped);
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE); // typed, so the list is drawn again unfiltered
        assertEquals(List.of(term), texts("#mq-terms-list .mq-term-text"));
        new Select(driver.findElement(By.id("mq-rule-action"))).selectByValue("SPAM");
        driver.findElement(By.id("mq-rule-description")).sendKeys("Browser test <b>words</b>");
        driver.findElement(By.id("mq-rule-exceptions")).sendKeys(term + " van dyke");
        screenshot("console-rule-form.png");
        driver.findElement(By.id("mq-rule-save")).click();
        waitForStatusContaining("was created");
        String status = driver.findElement(By.id("mq-status")).getText();
        long id = Long.parseLong(status.replaceAll("^Rule (\\d+) .*", "$1"));
        wait(10).until(d -> d.getCurrentUrl().endsWith("#/rules/" + id));
        Map<String, Object> stored = adminApi().when().get("/api/moderation/rules/{id}", id).then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertEquals(List.of(term), stored.get("terms"));
        assertEquals(List.of(term + " van dyke"), stored.get("exceptions"));
        assertEquals("SPAM", stored.get("action"));

        post("console-rules-" + UUID.randomUUID(), "A stored hit: " + term).statusCode(201);
        open("#/rules");
        WebElement row = waitFor(By.id("mq-rule-" + id));
        assertTrue(row.getText().contains("Browser test <b>words</b>"), "the description shown as text");
        assertTrue(row.findElement(By.cssSelector(".mq-rule-hits")).getText().startsWith("1\nlast "),
                row.findElement(By.cssSelector(".mq-rule-hits")).getText());
        assertTrue(row.findElement(By.cssSelector(".mq-rule-changed")).getText().contains("by " + Accounts.ADMIN));
        String text = "Dear editor, " + term + " is what I think. 👍";
        WebElement comment = driver.findElement(By.id("mq-check-text"));
        comment.sendKeys(text);
        driver.findElement(By.cssSelector("#mq-check [type=submit]")).click();
        wait(10).until(d -> d.findElement(By.id("mq-check-decision")).getText().equals("SPAM"));
        assertEquals(List.of(term), texts("#mq-check-result .mq-check-text mark"));
        assertEquals(text, driver.findElement(By.cssSelector("#mq-check-result .mq-check-text")).getText());
        String reasons = driver.findElement(By.id("mq-check-reasons")).getText();
        assertTrue(reasons.contains("rule #" + id) && reasons.contains("TERMS"), reasons);
        waitForStatusContaining("Spam; ");
        js("document.activeElement.blur(); arguments[0].scrollIntoView()", driver.findElement(By.id("mq-check")));
        screenshot("console-rule-tester.png");
        js("window.scrollTo(0, 0)");
        screenshot("console-rules.png");

        // Disabled, the rule no longer fires; deleted after a confirmation, it is gone.
        row.findElement(By.cssSelector(".mq-rule-toggle")).click();
        waitForStatus("Rule " + id + " is disabled.");
        assertEquals("Disabled", driver.findElement(By.cssSelector("#mq-rule-" + id + " .mq-rule-state")).getText());
        driver.findElement(By.cssSelector("#mq-check [type=submit]")).click();
        wait(10).until(d -> !d.findElement(By.id("mq-check-reasons")).getText().contains("rule #" + id));
        driver.findElement(By.cssSelector("#mq-rule-" + id + " .mq-rule-delete")).click();
        WebElement confirm = waitFor(By.id("mq-confirm-yes"));
        assertTrue(driver.findElement(By.id("mq-confirm-text")).getText().contains("rule " + id));
        confirm.click();
        waitForStatus("Rule " + id + " was deleted.");
        adminApi().when().get("/api/moderation/rules/{id}", id).then().statusCode(404);
    }

    @Test
    void aWordListFileBecomesATermsRule() throws IOException {
        String first = TestWords.madeUp("zu");
        String second = TestWords.madeUp("zu");
        Path list = Files.createTempFile("words-", ".txt");
        Files.writeString(list, "# test list\n" + first + "\n\n" + second + "\n");
        signIn(Accounts.ADMIN, Accounts.ADMIN_PASSWORD);
        open("#/rules");
        waitFor(By.id("mq-import-file")).sendKeys(list.toAbsolutePath().toString());
        new Select(driver.findElement(By.id("mq-import-action"))).selectByValue("SPAM");
        driver.findElement(By.cssSelector("#mq-import [type=submit]")).click();
        waitForStatusContaining("Imported 2 terms from " + list.getFileName() + " as rule ");
        String status = driver.findElement(By.id("mq-status")).getText();
        long id = Long.parseLong(status.replaceAll(".* as rule (\\d+)\\.$", "$1"));
        Map<String, Object> rule = adminApi().when().get("/api/moderation/rules/{id}", id).then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertEquals(List.of(first, second), rule.get("terms"));
        assertEquals("SPAM", rule.get("action"));
        waitFor(By.id("mq-rule-" + id));
        adminApi().when().delete("/api/moderation/rules/{id}", id).then().statusCode(204);
        Files.delete(list);

        // A moderator sees the rules but changes nothing: no new rule, no toggles, a read-only form.
        signIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        open("#/rules");
        waitFor(By.cssSelector("#mq-rules-body tr"));
        assertTrue(driver.findElements(By.id("mq-rules-new")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector(".mq-rule-toggle, .mq-rule-delete, #mq-import")).isEmpty());
        driver.findElement(By.cssSelector("#mq-rules-body tr a")).click();
        WebElement description = waitFor(By.id("mq-rule-description"));
        assertTrue(!description.isEnabled() && driver.findElements(By.id("mq-rule-save")).isEmpty());
    }

    @Test
    void aBadPatternShowsTheServicesMessageAtTheField() {
        signIn(Accounts.ADMIN, Accounts.ADMIN_PASSWORD);
        open("#/rules/new?type=PATTERN");
        WebElement pattern = waitFor(By.id("mq-rule-pattern"));
        pattern.sendKeys("(unclosed");
        driver.findElement(By.id("mq-rule-save")).click();
        WebElement error = wait(10).until(d -> {
            WebElement e = d.findElement(By.id("mq-rule-pattern-error"));
            return e.getText().isEmpty() ? null : e;
        });
        assertEquals("true", pattern.getAttribute("aria-invalid"));
        assertEquals(pattern, driver.switchTo().activeElement());
        String problem = adminApi().contentType(ContentType.JSON).body(Map.of("type", "PATTERN", "pattern", "(unclosed"))
                .when().post("/api/moderation/rules").then().statusCode(400).extract().jsonPath().getString("errors[0].message");
        assertEquals(problem, error.getText());
        assertTrue(driver.findElement(By.id("mq-status")).getText().length() > 0, "the problem's detail is announced");
    }

    @Test
    void closingAnArticleRefusesCommentsAndOpeningTakesThemAgain() throws IOException {
        String articleId = "console-article-" + UUID.randomUUID().toString().substring(0, 8);
        post(articleId, "First!").statusCode(201);
        post(articleId, "Second thoughts").statusCode(201);
        signIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        open("#/articles?q=" + articleId);
        WebElement row = waitFor(By.id("mq-article-" + articleId));
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertEquals("2", cells.get(0).getText(), "approved");
        assertEquals("Open", row.findElement(By.cssSelector(".mq-article-state")).getText());
        js("document.activeElement.blur(); window.scrollTo(0, 0)");
        screenshot("console-articles.png");
        // At a phone's width the table becomes one card per article, each value named, nothing scrolls sideways.
        Dimension wide = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(400, 900));
            wait(10).until(d -> (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth"));
            assertEquals("Approved: ", js("return getComputedStyle(arguments[0], '::before').content.replaceAll('\"', '')",
                    driver.findElement(By.cssSelector("#mq-article-" + articleId + " td"))));
            screenshot("console-articles-phone.png");
        } finally {
            driver.manage().window().setSize(wide);
        }

        row.findElement(By.cssSelector(".mq-article-toggle")).click();
        waitForStatus("Comments on " + articleId + " are closed.");
        assertEquals("Closed", driver.findElement(By.cssSelector("#mq-article-" + articleId + " .mq-article-state")).getText());
        post(articleId, "Too late").statusCode(403);

        // The article's own form: premoderate, and a closing date in the past keeps it closed even when open.
        driver.findElement(By.cssSelector("#mq-article-" + articleId + " .mq-article-id a")).click();
        WebElement open = waitFor(By.id("mq-article-open"));
        open.click();
        driver.findElement(By.id("mq-article-premoderate")).click();
        driver.findElement(By.id("mq-article-close-after")).sendKeys("7");
        driver.findElement(By.id("mq-article-save")).click();
        waitForStatusContaining("Saved. Comments on " + articleId + ": Open until ");
        assertTrue(driver.findElement(By.id("mq-status")).getText().endsWith(", premoderated."));
        post(articleId, "Held now").statusCode(201);
        Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON).body(Map.of("name", "Ali", "text", "Held too"))
                .when().post("/api/articles/{a}/comments", articleId).then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING"));
        screenshot("console-article.png");
    }

    @Test
    void theWidgetSaysCommentsAreClosedOnceTheConsoleClosesTheArticle() {
        String article = "demo-article"; // the demo page's; opened again at the end, as the other tests expect it
        try {
            signIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
            adminApi().contentType(ContentType.JSON).body(Map.of("commentsOpen", true))
                    .when().put("/api/moderation/articles/{a}", article).then().statusCode(200);
            open("#/articles?q=" + article);
            WebElement toggle = waitFor(By.cssSelector("#mq-article-" + article + " .mq-article-toggle"));
            assertEquals("Close now", toggle.getText());
            toggle.click();
            waitForStatus("Comments on " + article + " are closed.");

            driver.get(demo.toString());
            WebElement name = waitFor(By.id("cw-name"));
            name.sendKeys("Ayşe");
            driver.findElement(By.id("cw-text")).sendKeys("Is anyone still reading?");
            WebElement button = driver.findElement(By.cssSelector(".cw-form [type=submit]"));
            js("arguments[0].scrollIntoView({block: 'center'})", button);
            button.click();
            wait(15).until(d -> d.findElement(By.cssSelector(".cw-form .cw-status")).getText().equals("Comments are closed."));
        } finally {
            adminApi().contentType(ContentType.JSON).body(Map.of("commentsOpen", true))
                    .when().put("/api/moderation/articles/{a}", article).then().statusCode(200);
        }
    }

    @Test
    void theAuditLogFiltersByArticleAndActionAndLinksToTheComment() throws IOException {
        String articleId = "console-audit-" + UUID.randomUUID().toString().substring(0, 8);
        long rejected = post(articleId, "To be rejected").statusCode(201).extract().jsonPath().getLong("id");
        long approved = post(articleId, "To stay").statusCode(201).extract().jsonPath().getLong("id");
        Accounts.asModerator().contentType(ContentType.JSON).body("{}")
                .when().post("/api/moderation/comments/{id}/reject", rejected).then().statusCode(200);
        Accounts.asModerator().contentType(ContentType.JSON).body("{\"note\": \"<img src=x onerror=alert(1)>\"}")
                .when().post("/api/moderation/comments/{id}/hold", approved).then().statusCode(200);

        signIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        open("#/audit");
        WebElement article = waitFor(By.id("mq-audit-article"));
        article.sendKeys(articleId);
        driver.findElement(By.id("mq-audit-actor")).sendKeys(Accounts.MODERATOR);
        driver.findElement(By.cssSelector("#mq-audit-filters [type=submit]")).click();
        wait(10).until(d -> d.findElement(By.id("mq-audit-summary")).getText().equals("2 entries match the filters."));
        assertTrue(driver.getCurrentUrl().contains("articleId=" + articleId), driver.getCurrentUrl());
        assertEquals("<img src=x onerror=alert(1)>", driver.findElement(By.cssSelector(".mq-audit-note")).getText());

        new Select(driver.findElement(By.id("mq-audit-action"))).selectByValue("REJECT");
        driver.findElement(By.cssSelector("#mq-audit-filters [type=submit]")).click();
        wait(10).until(d -> d.findElement(By.id("mq-audit-summary")).getText().equals("1 entry matches the filters."));
        WebElement link = driver.findElement(By.cssSelector(".mq-audit-entry .mq-audit-comment"));
        assertEquals("#" + rejected, link.getText());
        assertTrue(link.getAttribute("href").endsWith("#/comments/" + rejected));
        screenshot("console-audit.png");

        // A deep link keeps its filters; a date before the entries leaves nothing.
        open("#/audit?articleId=" + articleId + "&to=2000-01-02");
        wait(10).until(d -> d.findElement(By.id("mq-audit-summary")).getText().equals("0 entries match the filters."));
        assertEquals(articleId, driver.findElement(By.id("mq-audit-article")).getAttribute("value"));
        assertEquals("2000-01-01", driver.findElement(By.id("mq-audit-to")).getAttribute("value"));

        // By comment: the one entry of the rejected comment.
        open("#/audit?commentId=" + rejected);
        wait(10).until(d -> d.findElement(By.id("mq-audit-summary")).getText().equals("1 entry matches the filters."));
        assertEquals("REJECT", driver.findElement(By.cssSelector(".mq-audit-entry")).getAttribute("data-action"));
    }

    @Test
    void anAdminCreatesChangesAndDisablesAModerator() throws IOException {
        String username = "desk-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a long pass phrase " + UUID.randomUUID();
        signIn(Accounts.ADMIN, Accounts.ADMIN_PASSWORD);
        open("#/moderators");
        waitFor(By.id("mq-moderator-" + Accounts.ADMIN));
        driver.findElement(By.id("mq-new-username")).sendKeys(username);
        driver.findElement(By.id("mq-new-password")).sendKeys("short");
        driver.findElement(By.cssSelector("#mq-new-moderator [type=submit]")).click();
        wait(10).until(d -> !d.findElement(By.id("mq-new-password-error")).getText().isEmpty());
        WebElement pass = driver.findElement(By.id("mq-new-password"));
        pass.clear();
        pass.sendKeys(password);
        driver.findElement(By.cssSelector("#mq-new-moderator [type=submit]")).click();
        waitForStatus(username + " can now sign in as a moderator.");
        WebElement row = waitFor(By.id("mq-moderator-" + username));
        session(username, password).statusCode(200);

        new Select(row.findElement(By.cssSelector(".mq-moderator-role"))).selectByValue("admin");
        waitForStatus(username + " is now an admin.");
        driver.findElement(By.cssSelector("#mq-moderator-" + username + " .mq-moderator-toggle")).click();
        waitFor(By.id("mq-confirm-yes")).click();
        waitForStatus(username + " is disabled.");
        assertEquals("Disabled", driver.findElement(By.cssSelector("#mq-moderator-" + username + " .mq-moderator-state")).getText());
        js("document.activeElement.blur(); window.scrollTo(0, 0)");
        screenshot("console-moderators.png");
        session(username, password).statusCode(401);
        Map<String, Object> account = adminApi().when().get("/api/moderation/moderators").then().statusCode(200)
                .extract().jsonPath().getMap("find { it.username == '" + username + "' }");
        assertEquals("admin", account.get("role"));
        assertEquals(false, account.get("enabled"));

        // Enabled again with a new password: the old one no longer signs in, the new one does.
        driver.findElement(By.cssSelector("#mq-moderator-" + username + " .mq-moderator-toggle")).click();
        waitForStatus(username + " is enabled.");
        driver.findElement(By.cssSelector("#mq-moderator-" + username + " .mq-moderator-reset")).click();
        String fresh = "another long pass phrase " + UUID.randomUUID();
        WebElement reset = waitFor(By.id("mq-reset-" + username + "-password"));
        assertEquals(reset, driver.switchTo().activeElement());
        reset.sendKeys(fresh, Keys.ENTER);
        waitForStatus(username + " has a new password; their sessions have ended.");
        session(username, password).statusCode(401);
        session(username, fresh).statusCode(200);

        // Each change is in the audit log, by the admin, naming the account.
        open("#/audit?actor=" + Accounts.ADMIN + "&action=MODERATOR_ROLE");
        WebElement changed = wait(10).until(d -> d.findElements(By.cssSelector(".mq-audit-entry")).stream()
                .filter(e -> e.getText().contains("account " + username + ": moderator → admin")).findFirst().orElse(null));
        assertTrue(changed.getText().contains(Accounts.ADMIN + " Moderator role changed"), changed.getText());
        for (String action : List.of("MODERATOR_CREATE", "MODERATOR_DISABLE", "MODERATOR_ENABLE", "PASSWORD_CHANGE")) {
            new Select(driver.findElement(By.id("mq-audit-action"))).selectByValue(action);
            driver.findElement(By.cssSelector("#mq-audit-filters [type=submit]")).click();
            wait(10).until(d -> d.findElements(By.cssSelector(".mq-audit-entry")).stream()
                    .anyMatch(e -> action.equals(e.getAttribute("data-action")) && e.getText().contains(" " + username)));
        }

        // A moderator has no such view: no link in the nav, and the address says so.
        signIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        assertTrue(driver.findElements(By.cssSelector("#mq-nav a[href='#/moderators']")).isEmpty());
        open("#/moderators");
        wait(10).until(d -> d.findElement(By.cssSelector("#mq-view h2")).getText().equals("For admins only"));
    }

    @Test
    void aModeratorChangesTheirOwnPassword() throws IOException {
        String username = "own-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a long pass phrase " + UUID.randomUUID();
        String fresh = "a fresh pass phrase " + UUID.randomUUID();
        Accounts.ensure(username, password, "moderator");
        signIn(username, password);
        driver.findElement(By.cssSelector("#mq-nav a[href='#/account']")).click();
        WebElement current = waitFor(By.id("mq-password-current"));
        assertEquals(username, driver.findElement(By.id("mq-account-username")).getText());
        assertEquals("moderator", driver.findElement(By.id("mq-account-roles")).getText());

        current.sendKeys("not my password at all");
        driver.findElement(By.id("mq-password-new")).sendKeys(fresh);
        driver.findElement(By.cssSelector("#mq-password [type=submit]")).click();
        wait(10).until(d -> d.findElement(By.id("mq-password-current-error")).getText().equals("The current password is wrong."));
        assertEquals("true", current.getAttribute("aria-invalid"));
        assertEquals(current, driver.switchTo().activeElement());
        assertTrue(driver.findElement(By.id("mq-workspace")).isDisplayed(), "still signed in");

        current.clear();
        current.sendKeys(password);
        driver.findElement(By.cssSelector("#mq-password [type=submit]")).click();
        waitForStatus("Your password was changed; your other sessions have ended.");
        session(username, password).statusCode(401);
        session(username, fresh).statusCode(200);
        driver.navigate().refresh(); // this session goes on with the new password
        wait(15).until(d -> d.findElement(By.id("mq-account-username")).getText().equals(username));
        js("document.activeElement.blur(); window.scrollTo(0, 0)");
        screenshot("console-account.png");
    }

    // ---------------------------------------------------------------- helpers

    void signIn(String username, String password) {
        ConsoleInBrowser.signIn(driver, page, username, password);
    }

    void open(String hash) {
        ConsoleInBrowser.open(driver, page, hash);
    }

    RequestSpecification adminApi() {
        return ConsoleInBrowser.adminApi(page);
    }

    io.restassured.response.ValidatableResponse post(String articleId, String text) {
        return Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON).body(Map.of("name", "Ayşe", "text", text))
                .when().post("/api/articles/{a}/comments", articleId).then();
    }

    static io.restassured.response.ValidatableResponse session(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .when().post("/api/moderation/session").then();
    }

    static WebElement waitFor(By by) {
        return wait(15).until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    static List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    static void waitForStatus(String text) {
        wait(10).until(d -> d.findElement(By.id("mq-status")).getText().equals(text));
    }

    static void waitForStatusContaining(String text) {
        wait(10).until(d -> d.findElement(By.id("mq-status")).getText().contains(text));
    }

    static WebDriverWait wait(int seconds) {
        return ConsoleInBrowser.waitUpTo(driver, seconds);
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static void screenshot(String file) throws IOException {
        HeadlessChromium.docsScreenshot(driver, file);
    }
}
