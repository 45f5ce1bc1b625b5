package com.newsroom.comments.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.newsroom.comments.support.Accounts;
import com.newsroom.comments.support.ConsoleInBrowser;
import com.newsroom.comments.support.ConsoleInBrowser;
import com.newsroom.comments.support.HeadlessChromium;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The rule form of every type but TERMS (which {@link ConsoleViewsBrowserTest} takes through its editor) in
 * headless Chromium: each made in the form, stored with the settings typed, and shown again by the rule's
 * own address. The rules are made disabled (an enabled FIRST_COMMENT or FLOOD rule would change what other
 * tests' comments become) and deleted after each test.
 */
@QuarkusTest
class RuleFormsBrowserTest {

    static WebDriver driver;
    static HeadlessChromium.Session browser;
    final List<Long> created = new ArrayList<>();

    @TestHTTPResource("/moderation/")
    URL page;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.open("rule-forms", "1200,1400");
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        HeadlessChromium.close(browser);
    }

    @AfterEach
    void deleteRules() {
        for (long id : created) {
            adminApi().when().delete("/api/moderation/rules/{id}", id).then().statusCode(204);
        }
    }

    @Test
    void links() {
        Map<String, Object> rule = create("LINKS", () -> {
            type("mq-rule-max-links", "3");
            type("mq-rule-blocked", "spam.example\ncasino.example");
            type("mq-rule-allowed", "news.example");
        });
        assertEquals(3, rule.get("maxLinks"));
        assertEquals(List.of("spam.example", "casino.example"), rule.get("blockedDomains"));
        assertEquals(List.of("news.example"), rule.get("allowedDomains"));
        reopen(rule);
        assertEquals("3", value("mq-rule-max-links"));
        assertEquals("spam.example\ncasino.example", value("mq-rule-blocked"));
        assertEquals("news.example", value("mq-rule-allowed"));
    }

    @Test
    void shouting() {
        Map<String, Object> rule = create("SHOUTING", () -> {
            type("mq-rule-min-length", "20");
            type("mq-rule-upper", "0.7");
            type("mq-rule-repeated", "6");
            driver.findElement(By.id("mq-rule-links-only")).click();
        });
        assertEquals(20, rule.get("minLength"));
        assertEquals(0.7f, ((Number) rule.get("maxUpperCaseRatio")).floatValue());
        assertEquals(6, rule.get("maxRepeatedChars"));
        assertEquals(true, rule.get("holdLinksOnly"));
        reopen(rule);
        assertEquals("20", value("mq-rule-min-length"));
        assertEquals("0.7", value("mq-rule-upper"));
        assertEquals("6", value("mq-rule-repeated"));
        assertTrue(driver.findElement(By.id("mq-rule-links-only")).isSelected());
    }

    @Test
    void authorsWithABadAddressShownAtItsField() {
        open("#/rules/new?type=AUTHORS");
        type("mq-rule-ips", "300.1.2.3");
        driver.findElement(By.id("mq-rule-enabled")).click();
        driver.findElement(By.id("mq-rule-save")).click();
        WebElement error = wait(10).until(d -> {
            WebElement e = d.findElement(By.id("mq-rule-ips-error"));
            return e.getText().isEmpty() ? null : e;
        });
        assertTrue(error.getText().contains("300.1.2.3"), error.getText());
        assertEquals("true", driver.findElement(By.id("mq-rule-ips")).getAttribute("aria-invalid"));

        String email = "troll-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Map<String, Object> rule = create("AUTHORS", () -> {
            type("mq-rule-emails", email);
            type("mq-rule-names", "Trol Ahmet");
            type("mq-rule-ips", "203.0.113.0/24\n2001:db8::/32");
        });
        assertEquals(List.of(email), rule.get("emails"));
        assertEquals(List.of("Trol Ahmet"), rule.get("names"));
        assertEquals(List.of("203.0.113.0/24", "2001:db8::/32"), rule.get("ips"));
        reopen(rule);
        assertEquals("203.0.113.0/24\n2001:db8::/32", value("mq-rule-ips"));
        assertEquals("Trol Ahmet", value("mq-rule-names"));
    }

    @Test
    void flood() {
        Map<String, Object> rule = create("FLOOD", () -> type("mq-rule-interval", "30"));
        assertEquals(30, rule.get("intervalSeconds"));
        assertFalse(driver.findElement(By.id("mq-rule-action")).isDisplayed(), "a flood is refused, not held");
        reopen(rule);
        assertEquals("30", value("mq-rule-interval"));
    }

    @Test
    void duplicatesAndFirstComment() {
        for (String type : List.of("DUPLICATES", "FIRST_COMMENT")) {
            Map<String, Object> rule = create(type, () -> assertEquals("This rule has no settings: enable or disable it.",
                    driver.findElement(By.cssSelector("#mq-rule-settings .mq-hint")).getText()));
            assertEquals(type, rule.get("type"));
            reopen(rule);
        }
    }

    @Test
    void patternWithTheServicesRe2ErrorThenSaved() {
        open("#/rules/new?type=PATTERN");
        type("mq-rule-pattern", "(?<=look)behind");
        driver.findElement(By.id("mq-rule-save")).click();
        WebElement error = wait(10).until(d -> {
            WebElement e = d.findElement(By.id("mq-rule-pattern-error"));
            return e.getText().isEmpty() ? null : e;
        });
        assertEquals(driver.findElement(By.id("mq-rule-pattern")), driver.switchTo().activeElement());
        assertFalse(error.getText().isBlank());

        String pattern = "(?i)whats\\s*app\\s*\\+?\\d{6,}";
        Map<String, Object> rule = create("PATTERN", () -> {
            type("mq-rule-pattern", pattern);
            driver.findElement(By.id("mq-rule-field-text")).click();
            driver.findElement(By.id("mq-rule-field-name")).click();
            new Select(driver.findElement(By.id("mq-rule-action"))).selectByValue("SPAM");
        });
        assertEquals(pattern, rule.get("pattern"));
        assertEquals(List.of("NAME", "TEXT"), rule.get("fields"));
        assertEquals("SPAM", rule.get("action"));
        reopen(rule);
        assertEquals(pattern, value("mq-rule-pattern"));
        assertTrue(driver.findElement(By.id("mq-rule-field-text")).isSelected());
        assertFalse(driver.findElement(By.id("mq-rule-field-email")).isSelected());
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Opens the new rule form of {@code type}, lets {@code fill} type the settings, describes and disables the
     * rule, saves it, and answers the stored rule (GET), checked for its type, description and state.
     */
    Map<String, Object> create(String type, Runnable fill) {
        signIn();
        open("#/rules/new?type=" + type);
        assertEquals(type, new Select(driver.findElement(By.id("mq-rule-type"))).getFirstSelectedOption().getAttribute("value"));
        fill.run();
        String description = "Browser test " + type + " " + UUID.randomUUID().toString().substring(0, 8);
        type("mq-rule-description", description);
        WebElement enabled = driver.findElement(By.id("mq-rule-enabled"));
        if (enabled.isSelected()) {
            enabled.click();
        }
        driver.findElement(By.id("mq-rule-save")).click();
        wait(10).until(d -> d.findElement(By.id("mq-status")).getText().matches("Rule \\d+ \\(" + type + "\\) was created; .*"));
        long id = Long.parseLong(driver.findElement(By.id("mq-status")).getText().replaceAll("^Rule (\\d+) .*", "$1"));
        created.add(id);
        Map<String, Object> rule = adminApi().when().get("/api/moderation/rules/{id}", id).then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertEquals(type, rule.get("type"));
        assertEquals(description, rule.get("description"));
        assertEquals(false, rule.get("enabled"));
        return rule;
    }

    /** Opens the rule's own address, its form as stored. */
    void reopen(Map<String, Object> rule) {
        open("#/rules/" + rule.get("id"));
        assertEquals("Rule " + rule.get("id") + ": " + rule.get("type"), driver.findElement(By.id("mq-rule-title")).getText());
        assertEquals(rule.get("description"), value("mq-rule-description"));
        assertFalse(driver.findElement(By.id("mq-rule-enabled")).isSelected());
    }

    static void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    static String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    void signIn() {
        if (!driver.findElements(By.id("mq-workspace")).isEmpty() && driver.findElement(By.id("mq-workspace")).isDisplayed()) {
            return;
        }
        ConsoleInBrowser.signIn(driver, page, Accounts.ADMIN, Accounts.ADMIN_PASSWORD);
    }

    void open(String hash) {
        signIn();
        String target = page.toString() + hash;
        if (driver.getCurrentUrl().equals(target)) {
            driver.navigate().refresh(); // the same address again would not draw the view again
        } else {
            driver.get(target);
        }
        wait(15).until(d -> {
            List<WebElement> view = d.findElements(By.id("mq-view"));
            return !view.isEmpty() && view.get(0).getAttribute("aria-busy") == null && !d.findElements(By.id("mq-rule-form")).isEmpty();
        });
    }

    RequestSpecification adminApi() {
        return ConsoleInBrowser.adminApi(page);
    }

    static WebDriverWait wait(int seconds) {
        return ConsoleInBrowser.waitUpTo(driver, seconds);
    }
}
