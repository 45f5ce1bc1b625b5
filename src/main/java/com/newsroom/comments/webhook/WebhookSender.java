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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Sends one signed message to one URL: the address is checked first ({@link AddressGuard}), redirects
 * are not followed, connecting and waiting for the answer are bounded, and at most {@code responseLimit}
 * bytes of the answer are read. A 2xx answer is a delivery; anything else, or no answer, is a failure.
 * Non-blocking ({@link #sendAsync}): many attempts in flight hold no thread each. Plain Java.
 */
public final class WebhookSender {

    /** What one attempt came to; {@code response} is the start of the answer's body. */
    public record Outcome(boolean delivered, Integer statusCode, String error, String response) {
    }

    static final String USER_AGENT = "comment-moderation-webhooks/1";

    static final String STOPPING = "Interrupted (the instance is stopping).";

    private final HttpClient client;
    private final AddressGuard guard;
    private final ExecutorService checks;
    private final Duration readTimeout;
    private final int responseLimit;

    public WebhookSender(AddressGuard guard, Duration connectTimeout, Duration readTimeout, int responseLimit) {
        this.guard = guard;
        this.readTimeout = readTimeout;
        this.responseLimit = responseLimit;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
        this.checks = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "webhook-address-check");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One attempt, waiting for its outcome (tests, and callers that have a thread to spare). */
    public Outcome send(String url, String secret, String messageId, long timestampSeconds, String body) {
        try {
            return sendAsync(url, secret, messageId, timestampSeconds, body).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, STOPPING, null);
        } catch (ExecutionException e) {
            return new Outcome(false, null, "Could not deliver: " + e.getCause(), null);
        }
    }

    /**
     * One attempt without holding a thread while it waits: the address is checked on a small pool of its
     * own (a name lookup may block), the request goes out on the HTTP client's selector. The future never
     * completes exceptionally, and completes within the DNS lookup plus connect plus twice the read timeout;
     * cancelling it abandons the request.
     */
    public CompletableFuture<Outcome> sendAsync(String url, String secret, String messageId, long timestampSeconds, String body) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                return guard.check(url);
            } catch (AddressGuard.Refused e) {
                outcome.complete(new Outcome(false, null, "Refused: " + e.getMessage(), null));
                return null;
            }
        }, checks).whenComplete((uri, checkFailed) -> {
            if (checkFailed != null) {
                outcome.complete(new Outcome(false, null, "Could not deliver: " + checkFailed, null));
            } else if (uri != null && !outcome.isDone()) {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout)
                        .header("Content-Type", "application/json")
                        .header("User-Agent", USER_AGENT)
                        .header("webhook-id", messageId)
                        .header("webhook-timestamp", Long.toString(timestampSeconds))
                        .header("webhook-signature", StandardWebhooks.sign(secret, messageId, timestampSeconds, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
                CompletableFuture<HttpResponse<String>> response = client.sendAsync(request, info -> new Limited(responseLimit));
                response.whenComplete((answer, failed) -> outcome.complete(outcome(answer, failed)));
                // The request's timeout bounds the wait for the headers; this bounds a body that trickles.
                outcome.completeOnTimeout(new Outcome(false, null,
                        "No complete answer within " + readTimeout.multipliedBy(2).toSeconds() + " s.", null),
                        readTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
                // Timed out or abandoned (the instance is stopping): so is the request, and its connection.
                outcome.whenComplete((o, e) -> response.cancel(true));
            }
        });
        return outcome;
    }

    private Outcome outcome(HttpResponse<String> response, Throwable failed) {
        if (failed == null) {
            int status = response.statusCode();
            boolean delivered = status >= 200 && status < 300;
            String error = delivered ? null
                    : status >= 300 && status < 400 ? "Answered " + status + ": redirects are not followed."
                            : "Answered " + status + ".";
            return new Outcome(delivered, status, error, response.body());
        }
        Throwable cause = failed instanceof CompletionException && failed.getCause() != null ? failed.getCause() : failed;
        String error = cause instanceof HttpTimeoutException ? "No answer within the timeout (" + cause.getMessage() + ")."
                        : cause instanceof CancellationException ? STOPPING
                                : "Could not deliver: " + cause;
        return new Outcome(false, null, error, null);
    }

    /** Stops the address checks' threads; attempts in flight finish or are cancelled by their callers. */
    public void close() {
        checks.shutdownNow();
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
