package com.newsroom.comments.queue;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The moderator workspace tests against the packaged application. */
@QuarkusIntegrationTest
class QueueResourceIT extends QueueResourceTest {
}
