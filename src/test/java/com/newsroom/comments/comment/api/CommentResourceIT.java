package com.newsroom.comments.comment.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same API tests against the packaged application (the JVM jar, or the native binary with -Dnative). */
@QuarkusIntegrationTest
class CommentResourceIT extends CommentResourceTest {
}
