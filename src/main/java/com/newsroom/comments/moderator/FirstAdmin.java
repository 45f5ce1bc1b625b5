package com.newsroom.comments.moderator;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.newsroom.comments.config.CommentsConfig;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the first admin account from configuration (comments.admin.*) on a database without moderators.
 * <p>
 * In the background: hashing its password with bcrypt, in a JVM that is still warming up, would delay the
 * first start. Sign-ins wait for it ({@link #awaitCreation()}), so the configured admin can
 * sign in as soon as the service answers.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);
    /** Far longer than one bcrypt hash and one insert take; a sign-in never waits longer. */
    private static final long MAX_WAIT_SECONDS = 10;

    private final CountDownLatch settled = new CountDownLatch(1);

    void onStart(@Observes StartupEvent event, CommentsConfig config, ModeratorAccounts accounts) {
        start(config.admin().username(), config.admin().password(), accounts::createFirstAdmin);
    }

    /**
     * With both configured, runs {@code createIfNoModerator} on a thread of its own; it answers whether it
     * created the account (there was no moderator yet).
     */
    void start(Optional<String> username, Optional<String> password, BiPredicate<String, String> createIfNoModerator) {
        if (username.isEmpty() || password.isEmpty()) {
            settled.countDown();
            return;
        }
        Thread creator = new Thread(() -> create(createIfNoModerator, username.get(), password.get()), "first-admin");
        creator.setDaemon(true);
        creator.start();
    }

    private void create(BiPredicate<String, String> createIfNoModerator, String username, String password) {
        try {
            if (createIfNoModerator.test(username, password)) {
                LOG.infof("Created the first admin account '%s' from configuration", username);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not create the first admin account: %s", e.getMessage());
        } finally {
            settled.countDown();
        }
    }

    /** Returns once the configured first admin exists, or could not be created, or after 10 s. */
    public void awaitCreation() {
        try {
            if (!settled.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("The first admin account is still being created; this sign-in goes ahead without it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
