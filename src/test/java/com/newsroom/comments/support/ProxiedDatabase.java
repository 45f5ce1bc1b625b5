package com.newsroom.comments.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * A test resource that puts a {@link TcpProxy} between the service and the tests' PostgreSQL, so that a
 * test can silence, cut and restore the database link ({@link #proxy()}). One proxy at a time: Quarkus
 * starts a test profile's resources before its tests and stops them after.
 */
public class ProxiedDatabase implements QuarkusTestResourceLifecycleManager {

    private static volatile TcpProxy proxy;

    /** The proxy of the running test profile. */
    public static TcpProxy proxy() {
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        URI db = URI.create(TestDatabase.URL.substring("jdbc:".length()));
        try {
            proxy = new TcpProxy(db.getHost(), db.getPort() == -1 ? 5432 : db.getPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + db.getPath());
    }

    @Override
    public void stop() {
        try {
            proxy.cut();
        } catch (IOException e) {
            // the test is over either way
        }
    }
}
