package com.newsroom.comments.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;

/**
 * The tests' PostgreSQL (TEST_DB_URL, TEST_DB_USER, TEST_DB_PASSWORD, as application.properties reads
 * them) for tests that talk to it without Quarkus.
 */
public final class TestDatabase {

    public static final String URL = System.getenv().getOrDefault("TEST_DB_URL", "jdbc:postgresql://localhost:5432/test");
    public static final String USER = System.getenv().getOrDefault("TEST_DB_USER", "postgres");
    public static final String PASSWORD = System.getenv("TEST_DB_PASSWORD");

    private TestDatabase() {
    }

    /** A session of its own, outside any pool. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    /**
     * A schema of its own with the service's migrations applied, so that a test's rows never meet the
     * Quarkus tests' (whose Flyway cleans the default schema). Drop it with {@link #drop}.
     */
    public static String migratedSchema(String prefix) {
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Flyway.configure().dataSource(URL, USER, PASSWORD).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").load().migrate();
        return schema;
    }

    /** A session whose unqualified names resolve in {@code schema}. */
    public static Connection connect(String schema) throws SQLException {
        Connection connection = connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + schema);
        }
        return connection;
    }

    public static void drop(String schema) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
    }
}
