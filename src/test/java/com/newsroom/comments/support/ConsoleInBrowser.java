package com.newsroom.comments.support;

import static io.restassured.RestAssured.given;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.specification.RequestSpecification;

/**
 * The moderator console at {@code /moderation/} in a browser test's Chromium: signing in through its form,
 * opening a view by address and waiting until it is drawn, so each test says only what it checks.
 */
public final class ConsoleInBrowser {

    private ConsoleInBrowser() {
    }

    /** Signs in afresh (the session cookie cleared first) through the form, and waits for the workspace. */
    public static void signIn(WebDriver driver, URL console, String username, String password) {
        Accounts.ensure(Accounts.MODERATOR, Accounts.MODERATOR_PASSWORD, "moderator");
        driver.get(console.toString());
        driver.manage().deleteAllCookies();
        driver.navigate().refresh();
        WebElement user = waitUpTo(driver, 15).until(d -> {
            WebElement u = d.findElement(By.id("mq-signin-user"));
            return u.isDisplayed() ? u : null;
        });
        user.clear();
        user.sendKeys(username);
        WebElement pass = driver.findElement(By.id("mq-signin-password"));
        pass.clear();
        pass.sendKeys(password);
        driver.findElement(By.cssSelector("#mq-signin [type=submit]")).click();
        waitUpTo(driver, 15).until(d -> d.findElement(By.id("mq-workspace")).isDisplayed());
    }

    /** Opens the view at {@code hash} (such as {@code #/rules}) and waits until it has loaded. */
    public static void open(WebDriver driver, URL console, String hash) {
        driver.get(console.toString() + hash);
        waitUpTo(driver, 15).until(d -> {
            List<WebElement> view = d.findElements(By.id("mq-view"));
            return !view.isEmpty() && view.get(0).getAttribute("aria-busy") == null;
        });
    }

    /** A wait that looks again when the view replaced what it looked at meanwhile. */
    public static WebDriverWait waitUpTo(WebDriver driver, int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The REST API as the admin, on the host and port the console was served from. */
    public static RequestSpecification adminApi(URL console) {
        return given().auth().preemptive().basic(Accounts.ADMIN, Accounts.ADMIN_PASSWORD)
                .baseUri(console.getProtocol() + "://" + console.getHost()).port(console.getPort());
    }
}
