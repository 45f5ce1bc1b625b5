package com.newsroom.comments.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.support.StandardWebhooksVerifier;

class StandardWebhooksTest {

    @Test
    void reproducesTheSpecificationsTestVector() {
        // The vector of the Standard Webhooks reference libraries: what their verifiers accept.
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", StandardWebhooks.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    }

    @Test
    void secretsAreRandomKeysWithThePrefix() {
        String a = StandardWebhooks.newSecret();
        String b = StandardWebhooks.newSecret();
        assertTrue(a.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(a.substring(6)).length);
        assertNotEquals(a, b);
    }

    @Test
    void aVerifierAcceptsOnlyTheSignedBody() {
        String secret = StandardWebhooks.newSecret();
        long now = Instant.now().getEpochSecond();
        String body = "{\"type\":\"comment.created\",\"data\":{\"text\":\"Teşekkürler 🎉\"}}";
        String signature = StandardWebhooks.sign(secret, "evt-1", now, body);
        assertTrue(StandardWebhooksVerifier.verify(secret, "evt-1", Long.toString(now), signature, body));
        assertTrue(!StandardWebhooksVerifier.verify(secret, "evt-1", Long.toString(now), signature, body + " "));
        assertTrue(!StandardWebhooksVerifier.verify(secret, "evt-2", Long.toString(now), signature, body));
        assertTrue(!StandardWebhooksVerifier.verify(StandardWebhooks.newSecret(), "evt-1", Long.toString(now), signature, body));
    }
}
