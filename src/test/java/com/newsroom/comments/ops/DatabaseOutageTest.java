package com.newsroom.comments.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.support.TcpProxy;
import com.newsroom.comments.support.Readers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The database goes away and comes back: 503 problem details meanwhile, readiness down, then recovery. */
@QuarkusTest
@TestProfile(DatabaseOutageTest.ThroughProxy.class)
class DatabaseOutageTest {

    static TcpProxy proxy;

    public static class ThroughProxy implements QuarkusTestProfile {
        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(ProxyResource.class));
        }
    }

    public static class ProxyResource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            String url = System.getenv().getOrDefault("TEST_DB_URL", "jdbc:postgresql://localhost:5432/test");
            URI db = URI.create(url.substring("jdbc:".length()));
            try {
                proxy = new TcpProxy(db.getHost(), db.getPort() == -1 ? 5432 : db.getPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://127.0.0.1:" + proxy.port() + db.getPath() + "?connectTimeout=2&socketTimeout=5",
                    "quarkus.datasource.jdbc.acquisition-timeout", "3s");
        }

        @Override
        public void stop() {
            try {
                proxy.cut();
            } catch (IOException e) {
                // test over
            }
        }
    }

    @Test
    void outageGives503AndTheServiceRecoversByItself() throws Exception {
        String articleId = "outage-" + UUID.randomUUID();
        Map<String, Object> comment = Map.of("name", "Ali", "text", "Before the outage");
        Readers.from("192.0.2.1").contentType(ContentType.JSON).body(comment)
                .when().post("/api/articles/{a}/comments", articleId).then().statusCode(201);
        given().when().get("/q/health/ready").then().statusCode(200);

        proxy.cut();
        try {
            Readers.from("192.0.2.2").contentType(ContentType.JSON)
                    .body(Map.of("name", "Veli", "text", "During the outage"))
                    .when().post("/api/articles/{a}/comments", articleId).then()
                    .statusCode(503).contentType("application/problem+json")
                    .body("status", equalTo(503)).body(not(containsString("Exception")));
            given().when().get("/api/articles/{a}/comments", articleId).then().statusCode(503)
                    .contentType("application/problem+json");
            given().when().get("/q/health/ready").then().statusCode(503);
            given().when().get("/q/health/live").then().statusCode(200);
        } finally {
            proxy.restore();
        }

        long deadline = System.currentTimeMillis() + 20_000;
        int status = 0;
        while (System.currentTimeMillis() < deadline && status != 200) {
            status = given().when().get("/api/articles/{a}/comments", articleId).then().extract().statusCode();
            if (status != 200) {
                Thread.sleep(250);
            }
        }
        assertEquals200(status);
        given().when().get("/api/articles/{a}/comments", articleId).then().statusCode(200)
                .body("items.text", org.hamcrest.Matchers.contains("Before the outage"));
        given().when().get("/q/health/ready").then().statusCode(200);
        Readers.from("192.0.2.3").contentType(ContentType.JSON)
                .body(Map.of("name", "Veli", "text", "After the outage"))
                .when().post("/api/articles/{a}/comments", articleId).then().statusCode(201);
    }

    private static void assertEquals200(int status) {
        org.junit.jupiter.api.Assertions.assertEquals(200, status, "the service did not recover within 20 s");
    }
}
