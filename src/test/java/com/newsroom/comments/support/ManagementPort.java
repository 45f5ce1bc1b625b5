package com.newsroom.comments.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The packaged application's management interface (health, metrics) for @QuarkusIntegrationTest: it runs
 * the production build with the test profile, whose quarkus.management.enabled is false (so that
 * @QuarkusTest keeps health on the main port), and its launcher does not tell tests a management port.
 * So: enabled, on a free port that tests read here.
 */
public class ManagementPort implements QuarkusTestResourceLifecycleManager {

    private static volatile int port;

    public static int port() {
        return port;
    }

    @Override
    public Map<String, String> start() {
        port = free();
        return Map.of("quarkus.management.enabled", "true", "quarkus.management.port", String.valueOf(port));
    }

    @Override
    public void stop() {
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
