package com.newsroom.comments.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import com.newsroom.comments.support.Accounts;
import com.newsroom.comments.support.Readers;
import com.newsroom.comments.support.ProxiedDatabase;

/**
 * Bounded load on loopback: normal readers (cached pages, short comments) beside a hostile PATTERN rule
 * fed 64 KB comments, then a silent database, while /q/health/live is timed every 50 ms: it stays under
 * 100 ms. Readers come over HTTP/1.1 connections of their own, and the probe has a client of its own, as a
 * kubelet's probe does (the JDK client's default, HTTP/2, would put every request of the test on one
 * connection: one event loop, and the probe queued behind 64 KB bodies in the client). The load's bodies
 * share their 64 KB prefix, so that the test's own garbage stays small beside the service's (they share
 * one JVM and its collector). Timing-sensitive, so it runs only when asked:
 * {@code ./mvnw test -Dtest=HostileLoadTest -Dload-tests=true}; it prints each phase's figures and every
 * slow probe with its time of day, to set beside a GC log ({@code -DargLine=-Xlog:gc:file=...}).
 */
@QuarkusTest
@TestProfile(HostileLoadTest.ThroughProxy.class)
@EnabledIfSystemProperty(named = "load-tests", matches = "true")
class HostileLoadTest {

    static final int SECONDS_EACH_PHASE = 10;

    public static class ThroughProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProxiedDatabase.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("comments.rules.max-flood-interval", "0s");
        }
    }

    @Test
    void liveStaysUnder100msBesideAHostilePatternAndASilentDatabase() throws Exception {
        long rule = Accounts.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "PATTERN", "action", "SPAM", "pattern", "[a-z ]{1,1000}q"))
                .when().post("/api/moderation/rules").then().statusCode(201).extract().jsonPath().getLong("id");
        Thread.sleep(2_500); // in force
        String article = "load-" + UUID.randomUUID();
        Readers.post(article, Map.of("name", "Ali", "text", "A cached page")).statusCode(201);

        String base = RestAssured.baseURI + ":" + RestAssured.port;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        AtomicBoolean running = new AtomicBoolean(true);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        byte[] hostile = ("{\"name\": \"Load\", \"text\": \"" + "lorem ipsum dolor sit amet ".repeat(2_400))
                .getBytes(StandardCharsets.UTF_8);
        for (int c = 0; c < 6; c++) {
            int client = c;
            clients.submit(() -> {
                int i = 0;
                while (running.get()) {
                    try {
                        HttpRequest request = switch (client % 3) {
                            case 0 -> HttpRequest.newBuilder(URI.create(base + "/api/articles/" + article + "/comments")).GET().build();
                            case 1 -> post(base, "load-" + UUID.randomUUID(), BodyPublishers.ofString(
                                    "{\"name\": \"Load\", \"text\": \"A short comment " + i++ + "\"}"));
                            default -> post(base, "load-" + UUID.randomUUID(), BodyPublishers.concat(
                                    BodyPublishers.ofByteArray(hostile), BodyPublishers.ofString(i++ + "\"}")));
                        };
                        int status = http.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(30)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        statuses.merge(status, 1, Integer::sum);
                    } catch (Exception e) {
                        statuses.merge(-1, 1, Integer::sum);
                    }
                }
                return null;
            });
        }
        List<Sample> live = Collections.synchronizedList(new ArrayList<>());
        try {
            sampleLive(probe, base, live, "hostile pattern", SECONDS_EACH_PHASE);
            ProxiedDatabase.proxy().silence();
            sampleLive(probe, base, live, "silent database", SECONDS_EACH_PHASE);
        } finally {
            running.set(false);
            ProxiedDatabase.proxy().restore();
            clients.shutdown();
            clients.awaitTermination(60, TimeUnit.SECONDS);
        }
        long max = report("Hostile load, both phases", live);
        report("  " + "hostile pattern", live.stream().filter(x -> x.phase().equals("hostile pattern")).toList());
        report("  " + "silent database", live.stream().filter(x -> x.phase().equals("silent database")).toList());
        System.out.printf("  answers %s; probes over 50 ms: %s%n", statuses,
                live.stream().filter(x -> x.millis() > 50).map(x -> x.at() + " " + x.millis() + " ms").toList());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (given().when().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Accounts.asAdmin().when().delete("/api/moderation/rules/{id}", rule).then().statusCode(204);
        assertTrue(max < 100, "/q/health/live took " + max + " ms at worst");
    }

    private static HttpRequest post(String base, String article, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/articles/" + article + "/comments"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", Readers.uniqueIp())
                .POST(body).build();
    }

    /** One probe: when it started (time of day), in which phase, how long it took. */
    record Sample(LocalTime at, String phase, long millis) {
    }

    /** Prints the samples' count, median, p99 and maximum; returns the maximum. */
    private static long report(String what, List<Sample> samples) {
        List<Long> sorted = samples.stream().map(Sample::millis).sorted().toList();
        long max = sorted.get(sorted.size() - 1);
        System.out.printf("%s: %d samples of /q/health/live, median %d ms, p99 %d ms, max %d ms%n", what, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.99)), max);
        return max;
    }

    private static void sampleLive(HttpClient http, String base, List<Sample> samples, String phase, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        HttpRequest live = HttpRequest.newBuilder(URI.create(base + "/q/health/live")).timeout(Duration.ofSeconds(10)).GET().build();
        while (System.nanoTime() < end) {
            LocalTime at = LocalTime.now();
            long start = System.nanoTime();
            http.send(live, HttpResponse.BodyHandlers.discarding());
            samples.add(new Sample(at, phase, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
            Thread.sleep(50);
        }
    }
}
