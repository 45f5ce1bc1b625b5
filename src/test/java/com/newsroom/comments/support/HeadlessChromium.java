package com.newsroom.comments.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium (Debian packages chromium and chromium-driver) driven headless, with nothing
 * downloaded and no background traffic: the closed network here refuses it.
 */
public final class HeadlessChromium {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** Skips the calling test class when the browser is not installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    }

    /**
     * Saves what the browser shows to target/screenshots/{file}, and to docs/{file} with
     * {@code -Ddocs.screenshots=true} (the README's pictures).
     */
    public static void docsScreenshot(WebDriver driver, String file) throws java.io.IOException {
        screenshot(driver, file);
        if (Boolean.getBoolean("docs.screenshots")) {
            Path docs = Path.of("docs");
            Files.createDirectories(docs);
            Files.copy(Path.of("target", "screenshots", file), docs.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Saves what the browser shows to target/screenshots/{file}. */
    public static void screenshot(WebDriver driver, String file) throws java.io.IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A started browser with its own temporary profile (so parallel or earlier runs share no state);
     * closing it quits the browser and deletes the profile.
     */
    public record Session(WebDriver driver, Path profile) implements AutoCloseable {
        @Override
        public void close() throws java.io.IOException {
            try {
                driver.quit();
            } finally {
                try (java.util.stream.Stream<Path> files = Files.walk(profile)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /**
     * Starts the browser at {@code windowSize} ("width,height") on a fresh profile named after {@code name};
     * skips the calling test class when the browser is not installed.
     */
    public static Session open(String name, String windowSize) throws java.io.IOException {
        assumeInstalled();
        Path profile = Files.createTempDirectory(name + "-chromium-");
        return new Session(start(profile, windowSize), profile);
    }

    /** Quits a browser {@link #open} started; nothing when it was never started (the class was skipped). */
    public static void close(Session session) throws java.io.IOException {
        if (session != null) {
            session.close();
        }
    }

    private static WebDriver start(Path profile, String windowSize) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + windowSize, "--lang=en-GB", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
