package com.newsroom.comments.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.specification.RequestSpecification;

import com.newsroom.comments.support.ManagementPort;

/**
 * Health, metrics, request ids and OpenAPI of the packaged application, built as production builds it:
 * health and metrics on the management interface, not on the API port.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ManagementPort.class, restrictToAnnotatedClass = true)
class OperationsIT extends OperationsTest {

    @Override
    RequestSpecification management() {
        return given().baseUri("http://localhost").port(ManagementPort.port());
    }

    @Test
    void theApiPortServesNeitherMetricsNorHealthButKeepsOpenApi() {
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health").then().statusCode(404);
        given().when().get("/q/health/live").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200);
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        management().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds"));
        management().when().get("/q/openapi").then().statusCode(404);
        management().when().get("/api/articles/any/comments").then().statusCode(404);
    }
}
