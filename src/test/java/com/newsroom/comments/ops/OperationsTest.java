package com.newsroom.comments.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import com.newsroom.comments.support.Readers;

/** Health, metrics, request ids and the OpenAPI document, as operators and API users rely on them. */
@QuarkusTest
class OperationsTest {

    /**
     * Where health and metrics are served: the API port in tests and dev mode; production serves them on
     * the management interface only (OperationsIT).
     */
    RequestSpecification management() {
        return given();
    }

    @Test
    void healthChecksIncludeTheDatabase() {
        management().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        management().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }

    @Test
    void metricsCoverSubmissionsRulesAndHttp() {
        Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON)
                .body(Map.of("name", "Ali", "text", "Metrics " + UUID.randomUUID()))
                .when().post("/api/articles/{a}/comments", "metrics-" + UUID.randomUUID()).then().statusCode(201);
        Readers.from(Readers.uniqueIp()).contentType(ContentType.JSON)
                .body(Map.of("name", "Ali", "text", "Links " + UUID.randomUUID()
                        + " https://a.example/1 https://b.example/2 https://c.example/3"))
                .when().post("/api/articles/{a}/comments", "metrics-" + UUID.randomUUID()).then().statusCode(201)
                .body("status", equalTo("PENDING"));
        management().when().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*moderation_rule_hits_total\\{[^}]*type=\"LINKS\".*"))
                .body(containsString("comments_submitted_total{decision=\"APPROVED\""))
                .body(containsString("comments_moderation_duration_seconds_count"))
                .body(containsString("comments_pending"))
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/articles/{articleId}/comments\""));
    }

    @Test
    void everyResponseCarriesARequestId() {
        given().when().get("/api/articles/{a}/comments", "any").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "edge-1234").when().get("/api/articles/{a}/comments", "any").then()
                .header("X-Request-Id", equalTo("edge-1234"));
        given().header("X-Request-Id", "bad id\twith spaces").when().get("/api/articles/{a}/comments", "any").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void openApiDocumentsEveryEndpointWithSecurityAndErrors() {
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", matchesPattern("3\\..*"))
                .body("components.securitySchemes", hasKey("basic"))
                .body("components.securitySchemes", hasKey("bearer"))
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        org.junit.jupiter.api.Assertions.assertTrue(paths.size() >= 15, "paths: " + paths.keySet());
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String where = method.toUpperCase() + " " + path;
            org.junit.jupiter.api.Assertions.assertNotNull(operation.get("summary"), where + " has no summary");
            Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
            org.junit.jupiter.api.Assertions.assertTrue(responses.keySet().stream().anyMatch(k -> k.toString().startsWith("4")),
                    where + " documents no error response");
            responses.forEach((status, response) -> {
                if (status.toString().startsWith("4") || status.toString().startsWith("5")) {
                    Map<?, ?> content = (Map<?, ?>) ((Map<?, ?>) response).get("content");
                    org.junit.jupiter.api.Assertions.assertTrue(content != null && content.containsKey("application/problem+json"),
                            where + " " + status + " is not documented as problem details");
                }
            });
            if (path.startsWith("/api/moderation") && !("post".equals(method) && "/api/moderation/session".equals(path))) {
                org.junit.jupiter.api.Assertions.assertNotNull(operation.get("security"), where + " has no security requirement");
            }
        }));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().queryParam("format", "json").when().get("/q/openapi").then()
                .body("paths.'/api/articles/{articleId}/comments'.post.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/api/articles/{articleId}/comments'.post.responses.'201'.headers.'Set-Cookie'.description",
                        containsString("comments_author"));
    }
}
