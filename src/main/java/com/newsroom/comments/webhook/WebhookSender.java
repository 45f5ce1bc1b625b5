package com.newsroom.comments.webhook;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one signed message to one URL: the address is checked first ({@link AddressGuard}), redirects
 * are not followed, connecting and waiting for the answer are bounded, and at most {@code responseLimit}
 * bytes of the answer are read. A 2xx answer is a delivery; anything else, or no answer, is a failure.
 * Plain Java: the delivery worker calls it on its own threads.
 */
public final class WebhookSender {

    /** What one attempt came to; {@code response} is the start of the answer's body. */
    public record Outcome(boolean delivered, Integer statusCode, String error, String response) {
    }

    static final String USER_AGENT = "comment-moderation-webhooks/1";

    private final HttpClient client;
    private final AddressGuard guard;
    private final Duration readTimeout;
    private final int responseLimit;

    public WebhookSender(AddressGuard guard, Duration connectTimeout, Duration readTimeout, int responseLimit) {
        this.guard = guard;
        this.readTimeout = readTimeout;
        this.responseLimit = responseLimit;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    public Outcome send(String url, String secret, String messageId, long timestampSeconds, String body) {
        URI uri;
        try {
            uri = guard.check(url);
        } catch (AddressGuard.Refused e) {
            return new Outcome(false, null, "Refused: " + e.getMessage(), null);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestampSeconds))
                .header("webhook-signature", StandardWebhooks.sign(secret, messageId, timestampSeconds, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        CompletableFuture<HttpResponse<String>> future = client.sendAsync(request, info -> new Limited(responseLimit));
        try {
            // The request's timeout bounds the wait for the headers; this bounds a body that trickles.
            HttpResponse<String> response = future.get(readTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            boolean delivered = status >= 200 && status < 300;
            String error = delivered ? null
                    : status >= 300 && status < 400 ? "Answered " + status + ": redirects are not followed."
                            : "Answered " + status + ".";
            return new Outcome(delivered, status, error, response.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Outcome(false, null, "No complete answer within " + readTimeout.multipliedBy(2).toSeconds() + " s.", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new Outcome(false, null, "Interrupted (the instance is stopping).", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String error = cause instanceof HttpTimeoutException ? "No answer within the timeout (" + cause.getMessage() + ")."
                    : "Could not deliver: " + cause;
            return new Outcome(false, null, error, null);
        }
    }

    /** Keeps the first {@code limit} bytes of a body, then cancels the rest. */
    private static final class Limited implements HttpResponse.BodySubscriber<String> {
        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Limited(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                int n = Math.min(item.remaining(), limit - bytes.size());
                if (n > 0) {
                    byte[] chunk = new byte[n];
                    item.get(chunk);
                    bytes.write(chunk, 0, n);
                }
            }
            if (bytes.size() >= limit) {
                subscription.cancel();
                complete();
            }
        }

        @Override
        public void onError(Throwable throwable) {
            complete(); // what arrived is enough to show
        }

        @Override
        public void onComplete() {
            complete();
        }

        private void complete() {
            result.complete(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
        }
    }
}
