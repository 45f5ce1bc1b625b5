package com.newsroom.comments.ops;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Health, metrics, request ids and OpenAPI of the packaged application. */
@QuarkusIntegrationTest
class OperationsIT extends OperationsTest {
}
