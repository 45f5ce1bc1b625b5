package com.newsroom.comments.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.support.StandardWebhooksVerifier;
import com.newsroom.comments.support.WebhookReceiver;

class WebhookSenderTest {

    static final String SECRET = StandardWebhooks.newSecret();

    static WebhookSender sender(boolean allowPrivate) {
        return new WebhookSender(new AddressGuard(allowPrivate, false), Duration.ofSeconds(2), Duration.ofMillis(500), 16);
    }

    @Test
    void sendsASignedMessage() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            long now = Instant.now().getEpochSecond();
            WebhookSender.Outcome outcome = sender(true).send(receiver.url(), SECRET, "evt-1", now, "{\"a\": \"ü\"}");
            assertTrue(outcome.delivered());
            assertEquals(204, outcome.statusCode());
            WebhookReceiver.Received got = receiver.received().get(0);
            assertEquals("evt-1", got.id());
            assertEquals("{\"a\": \"ü\"}", got.body());
            assertTrue(StandardWebhooksVerifier.verify(SECRET, got.id(), got.timestamp(), got.signature(), got.body()));
        }
    }

    @Test
    void privateAddressesAreRefusedAtDeliveryAndNothingIsSent() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            WebhookSender.Outcome outcome = sender(false).send(receiver.url(), SECRET, "evt-1", 1, "{}");
            assertFalse(outcome.delivered());
            assertNull(outcome.statusCode());
            assertTrue(outcome.error().startsWith("Refused: "), outcome.error());
            Thread.sleep(200);
            assertEquals(0, receiver.received().size());
        }
    }

    @Test
    void redirectsAreNotFollowedAndAnswersAreCut() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().answering(n -> 307)) {
            WebhookSender.Outcome outcome = sender(true).send(receiver.url(), SECRET, "evt-1", 1, "{}");
            assertFalse(outcome.delivered());
            assertEquals(307, outcome.statusCode());
            assertTrue(outcome.error().contains("redirects are not followed"), outcome.error());
            assertEquals(1, receiver.received().size());
        }
        try (WebhookReceiver receiver = new WebhookReceiver().answering(n -> 500)) {
            WebhookSender.Outcome outcome = sender(true).send(receiver.url(), SECRET, "evt-1", 1, "{}");
            assertEquals(500, outcome.statusCode());
            assertEquals("answer 1", outcome.response()); // 8 bytes, under the 16-byte limit
        }
    }

    @Test
    void aHangingReceiverIsGivenUpAfterTheReadTimeout() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().delaying(Duration.ofSeconds(5))) {
            long start = System.nanoTime();
            WebhookSender.Outcome outcome = sender(true).send(receiver.url(), SECRET, "evt-1", 1, "{}");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertFalse(outcome.delivered());
            assertTrue(millis < 2500, "took " + millis + " ms");
            assertTrue(outcome.error().startsWith("No answer"), outcome.error());
        }
    }

    @Test
    void backoffDoublesWithJitterUpToTheCap() {
        Duration initial = Duration.ofSeconds(10);
        Duration max = Duration.ofHours(1);
        assertEquals(Duration.ofSeconds(10), DeliveryWorker.backoff(1, initial, max, 0));
        assertEquals(Duration.ofSeconds(5), DeliveryWorker.backoff(1, initial, max, 1.0));
        assertEquals(Duration.ofSeconds(40), DeliveryWorker.backoff(3, initial, max, 0));
        assertEquals(Duration.ofSeconds(30), DeliveryWorker.backoff(3, initial, max, 0.5));
        assertEquals(max, DeliveryWorker.backoff(12, initial, max, 0));
        assertEquals(max, DeliveryWorker.backoff(500, initial, max, 0));
    }
}
