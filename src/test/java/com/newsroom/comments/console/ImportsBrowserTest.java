package com.newsroom.comments.console;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.newsroom.comments.support.Accounts;
import com.newsroom.comments.support.ConsoleInBrowser;
import com.newsroom.comments.support.HeadlessChromium;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The console's imports view (#/imports) in headless Chromium: a WordPress file uploaded through the form is
 * followed to 100 % with its counts, its comments are then in the API; a malformed file shows why it failed;
 * the backup link downloads the export. Screenshots as in {@link ConsoleViewsBrowserTest}.
 */
@QuarkusTest
class ImportsBrowserTest {

    static WebDriver driver;
    static HeadlessChromium.Session browser;

    @TestHTTPResource("/moderation/")
    URL page;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.open("imports", "1200,1400");
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        HeadlessChromium.close(browser);
    }

    @Test
    void aWordPressFileUploadedInTheFormIsFollowedToTheEnd() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String slug = "console-import-" + run;
        long commentId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        Path file = Files.createTempFile("wordpress-" + run + "-", ".xml");
        Files.writeString(file, wxr(run, slug, commentId));

        signIn(Accounts.ADMIN, Accounts.ADMIN_PASSWORD);
        open("#/imports");
        new Select(driver.findElement(By.id("mq-import-kind"))).selectByValue("wordpress");
        driver.findElement(By.id("mq-import-upload")).sendKeys(file.toAbsolutePath().toString());
        new Select(driver.findElement(By.id("mq-import-article-id"))).selectByValue("slug");
        driver.findElement(By.id("mq-import-start")).click();

        wait(30).until(d -> "SUCCEEDED".equals(d.findElement(By.id("mq-import-job")).getAttribute("data-state")));
        WebElement bar = driver.findElement(By.id("mq-import-progress"));
        assertEquals("100", bar.getAttribute("value"));
        assertEquals("Share of the file read", bar.getAccessibleName());
        assertEquals("100 %", driver.findElement(By.id("mq-import-percent")).getText());
        assertEquals("2: 1 approved, 1 pending", count("comments"));
        assertEquals("1", count("articles"));
        assertEquals("1 pingback", count("skipped"));
        assertEquals("1", count("errors"));
        String error = driver.findElement(By.cssSelector("#mq-import-errors .mq-import-error")).getText();
        assertTrue(error.matches("Line \\d+: Comment " + (commentId + 3) + ": .*date.*"), error);
        long jobId = Long.parseLong(driver.getCurrentUrl().replaceAll(".*#/imports\\?id=(\\d+)$", "$1"));
        waitForStatus("Import " + jobId + " finished: 2 comments imported on 1 article, 1 skipped, 1 entry not imported.");
        assertTrue(driver.findElement(By.id("mq-import-job-title")).getText().contains("articleId=slug"));
        js("document.activeElement.blur(); window.scrollTo(0, 0)");
        screenshot("console-imports.png");

        // The comments are stored with their status, text and author as the file had them.
        List<Map<String, Object>> pending = adminApi().queryParam("articleId", slug).queryParam("status", "PENDING")
                .when().get("/api/moderation/comments").then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(1, pending.size());
        assertEquals("Bekleyen yorum " + run + " 👀", pending.get(0).get("text"));
        List<Map<String, Object>> approved = adminApi().queryParam("articleId", slug).queryParam("status", "APPROVED")
                .when().get("/api/moderation/comments").then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(1, approved.size());
        assertEquals("Hamdi Fırat Büyük", approved.get(0).get("name"));

        // The backup link downloads the export, the imported comments in it.
        new Select(driver.findElement(By.id("mq-export-status"))).selectByValue("PENDING");
        driver.findElement(By.id("mq-export-article")).sendKeys(slug);
        String href = driver.findElement(By.id("mq-export-link")).getAttribute("href");
        assertTrue(href.endsWith("/api/moderation/export?articleId=" + slug + "&status=PENDING"), href);
        String backup = (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then((r) => r.text()).then(done, (e) => done(String(e)));",
                href);
        assertTrue(backup.contains("Bekleyen yorum " + run) && !backup.contains("Hamdi"), backup);

        // A deep link to the import shows it again, finished; at a phone's width nothing scrolls sideways.
        open("#/imports?id=" + jobId);
        wait(10).until(d -> "SUCCEEDED".equals(d.findElement(By.id("mq-import-job")).getAttribute("data-state")));
        assertEquals("2: 1 approved, 1 pending", count("comments"));
        org.openqa.selenium.Dimension wide = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            wait(10).until(d -> (Boolean) js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
            js("document.getElementById('mq-import-job').scrollIntoView()");
            screenshot("console-imports-phone.png");
        } finally {
            driver.manage().window().setSize(wide);
        }
        Files.delete(file);
    }

    @Test
    void aMalformedFileFailsWithItsReason() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String whole = wxr(run, "console-broken-" + run, 7);
        Path file = Files.createTempFile("broken-" + run + "-", ".xml");
        Files.writeString(file, whole.substring(0, whole.indexOf("</wp:comment_content>"))); // cut off mid-comment

        signIn(Accounts.ADMIN, Accounts.ADMIN_PASSWORD);
        open("#/imports");
        driver.findElement(By.id("mq-import-upload")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("mq-import-start")).click();
        wait(30).until(d -> "FAILED".equals(d.findElement(By.id("mq-import-job")).getAttribute("data-state")));
        long jobId = Long.parseLong(driver.getCurrentUrl().replaceAll(".*#/imports\\?id=(\\d+)$", "$1"));
        String message = adminApi().when().get("/api/moderation/imports/{id}", jobId).then().statusCode(200)
                .extract().jsonPath().getString("message");
        assertTrue(message != null && message.contains("(line "), message);
        assertEquals(message, driver.findElement(By.id("mq-import-message")).getText());
        assertTrue(driver.findElement(By.id("mq-import-state")).getText().startsWith("Failed: nothing of it was kept."));
        waitForStatus("Import " + jobId + " failed: " + message);
        adminApi().queryParam("articleId", "console-broken-" + run).queryParam("status", "PENDING")
                .when().get("/api/moderation/comments").then().statusCode(200).body("totalItems", org.hamcrest.Matchers.equalTo(0));
        js("document.activeElement.blur(); window.scrollTo(0, 0)");
        screenshot("console-import-failed.png");

        // No file chosen: said at the field, nothing sent.
        open("#/imports");
        driver.findElement(By.id("mq-import-start")).click();
        assertEquals("Choose the file to import.", driver.findElement(By.id("mq-import-upload-error")).getText());
        assertEquals("true", driver.findElement(By.id("mq-import-upload")).getAttribute("aria-invalid"));
        Files.delete(file);

        // A moderator has no imports: no link in the nav, and the address says so.
        signIn(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD);
        assertTrue(driver.findElements(By.cssSelector("#mq-nav a[href='#/imports']")).isEmpty());
        open("#/imports");
        wait(10).until(d -> d.findElement(By.cssSelector("#mq-view h2")).getText().equals("For admins only"));
    }

    /** A WordPress export with one post: an approved comment, a pending reply to it, a pingback, one without a date. */
    static String wxr(String run, String slug, long commentId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://RUN.news.example</wp:base_site_url>
                <item><title>Budget</title><link>https://RUN.news.example/SLUG/</link><wp:post_id>42</wp:post_id>
                <wp:comment_status>open</wp:comment_status><wp:post_name>SLUG</wp:post_name>
                <wp:comment><wp:comment_id>ID</wp:comment_id><wp:comment_author><![CDATA[Hamdi Fırat Büyük]]></wp:comment_author>
                <wp:comment_author_email>hamdi@example.com</wp:comment_author_email><wp:comment_author_IP>203.0.113.7</wp:comment_author_IP>
                <wp:comment_date_gmt>2019-03-04 12:34:56</wp:comment_date_gmt><wp:comment_content><![CDATA[Teşekkürler RUN!]]></wp:comment_content>
                <wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
                <wp:comment><wp:comment_id>ID2</wp:comment_id><wp:comment_author><![CDATA[Ayşe]]></wp:comment_author>
                <wp:comment_date_gmt>2019-03-04 13:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[Bekleyen yorum RUN 👀]]></wp:comment_content>
                <wp:comment_approved>0</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>ID</wp:comment_parent></wp:comment>
                <wp:comment><wp:comment_id>ID3</wp:comment_id><wp:comment_author><![CDATA[Other blog]]></wp:comment_author>
                <wp:comment_date_gmt>2019-03-05 09:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[Linked here]]></wp:comment_content>
                <wp:comment_approved>1</wp:comment_approved><wp:comment_type>pingback</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
                <wp:comment><wp:comment_id>ID4</wp:comment_id><wp:comment_author><![CDATA[Undated]]></wp:comment_author>
                <wp:comment_date_gmt>sometime</wp:comment_date_gmt><wp:comment_content><![CDATA[No date]]></wp:comment_content>
                <wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
                </item></channel></rss>
                """.replace("RUN", run).replace("SLUG", slug).replace("ID4", String.valueOf(commentId + 3)).replace("ID3", String.valueOf(commentId + 2))
                .replace("ID2", String.valueOf(commentId + 1)).replace("ID", String.valueOf(commentId));
    }

    // ---------------------------------------------------------------- helpers

    static String count(String key) {
        return driver.findElement(By.cssSelector("#mq-import-counts dd[data-count=" + key + "]")).getText();
    }

    void signIn(String username, String password) {
        ConsoleInBrowser.signIn(driver, page, username, password);
    }

    void open(String hash) {
        ConsoleInBrowser.open(driver, page, hash);
    }

    RequestSpecification adminApi() {
        return ConsoleInBrowser.adminApi(page);
    }

    static void waitForStatus(String text) {
        wait(10).until(d -> d.findElement(By.id("mq-status")).getText().equals(text));
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
