package com.newsroom.comments.widget;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.newsroom.comments.bots.ProofOfWorkTest;
import com.newsroom.comments.support.HeadlessChromium;
import com.newsroom.comments.support.Readers;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The widget with proof of work required on every submission: it solves the challenge in the background
 * and the comment is published, with nothing for the reader to do. {@code -Dbench.pow.solves=N} also
 * times N solves of the default difficulty in this Chromium (bench/pow-solve.sh).
 */
@QuarkusTest
@TestProfile(ProofOfWorkTest.Required.class)
class ProofOfWorkBrowserTest {

    static WebDriver driver;
    static HeadlessChromium.Session browser;

    @TestHTTPResource("/demo/")
    URL demo;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.open("pow", "1100,1500");
        driver = browser.driver();
        // A reader of its own (X-Forwarded-For is trusted in tests): no other test's flood control applies.
        ((ChromeDriver) driver).executeCdpCommand("Network.enable", Map.of());
        ((ChromeDriver) driver).executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("X-Forwarded-For", Readers.uniqueIp())));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void open() {
        driver.get(demo.toString());
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(js(
                "return performance.getEntriesByType('resource').some(e => e.name.includes('/api/challenge') && e.responseEnd > 0)")));
    }

    @Test
    void theWidgetSolvesTheChallengeAndTheCommentIsPublished() throws Exception {
        open();
        long opened = System.nanoTime();
        String text = "Proof of work, nothing to click " + UUID.randomUUID();
        driver.findElement(By.id("cw-name")).sendKeys("Ayşe Yılmaz");
        driver.findElement(By.id("cw-text")).sendKeys(text);
        // Like a person, slower than the time trap (3 s after the form token).
        Thread.sleep(Math.max(0, Duration.ofMillis(3500).toMillis() - (System.nanoTime() - opened) / 1_000_000));
        driver.findElement(By.cssSelector(".cw-form [type=submit]")).click();
        WebElement status = new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            WebElement s = d.findElement(By.cssSelector(".cw-form .cw-status"));
            return s.getText().isEmpty() || s.getText().equals("Posting…") ? null : s;
        });
        assertEquals("Thank you! Your comment has been published.", status.getText());
        given().when().get("/api/articles/{a}/comments?size=100", "demo-article").then().statusCode(200)
                .body("items.text", org.hamcrest.Matchers.hasItem(text));
        // The solution was spent: the page has started on the next one.
        assertTrue((Long) js("return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/challenge')).length") >= 2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void solveTimes() throws Exception {
        int solves = Integer.getInteger("bench.pow.solves", 0);
        Assumptions.assumeTrue(solves > 0, "a measurement: -Dbench.pow.solves=N (bench/pow-solve.sh)");
        open();
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(10));
        List<Number> times = (List<Number>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const times = [];
                  for (let i = 0; i < %d; i++) {
                    const t0 = performance.now();
                    await CommentsWidget.proofOfWork(location.origin);
                    times.push(performance.now() - t0);
                  }
                  return times;
                })().then(done, (e) => done(String(e)));""".formatted(solves));
        List<Double> sorted = new ArrayList<>(times.stream().map(Number::doubleValue).sorted().toList());
        double median = sorted.get(sorted.size() / 2);
        String report = "solves=" + sorted.size() + " median_ms=" + Math.round(median) + " p10_ms=" + Math.round(sorted.get(sorted.size() / 10))
                + " p90_ms=" + Math.round(sorted.get(sorted.size() * 9 / 10)) + " max_ms=" + Math.round(sorted.get(sorted.size() - 1))
                + " (each: fetch a challenge of maxnumber 100000, solve it in a Web Worker)";
        Path out = Path.of("target", "bench", "pow-solve.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n" + sorted + "\n");
        System.out.println("POW_SOLVE " + report);
    }
}
