package com.newsroom.comments.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** The first admin is created off the start-up path, and sign-ins wait for it. */
class FirstAdminTest {

    final FirstAdmin firstAdmin = new FirstAdmin();

    @Test
    void aSignInWaitsUntilTheConfiguredAdminIsCreated() {
        AtomicBoolean created = new AtomicBoolean();
        List<String> threads = new CopyOnWriteArrayList<>();
        firstAdmin.start(Optional.of("admin"), Optional.of("a long pass phrase"), (username, password) -> {
            threads.add(Thread.currentThread().getName());
            sleep(300); // bcrypt in a cold JVM
            created.set(username.equals("admin") && password.equals("a long pass phrase"));
            return true;
        });
        firstAdmin.awaitCreation();
        assertTrue(created.get(), "awaitCreation returned before the account was created");
        assertEquals(List.of("first-admin"), threads, "created on a thread of its own, not the start-up's");
    }

    @Test
    void aFailedCreationDoesNotKeepSignInsWaiting() {
        firstAdmin.start(Optional.of("admin"), Optional.of("a long pass phrase"), (username, password) -> {
            throw new IllegalStateException("database away");
        });
        long started = System.nanoTime();
        firstAdmin.awaitCreation();
        assertTrue(System.nanoTime() - started < 5_000_000_000L);
    }

    @Test
    void withoutConfiguredCredentialsNothingIsCreatedAndNobodyWaits() {
        AtomicBoolean called = new AtomicBoolean();
        firstAdmin.start(Optional.of("admin"), Optional.empty(), (username, password) -> called.getAndSet(true));
        long started = System.nanoTime();
        firstAdmin.awaitCreation();
        assertTrue(System.nanoTime() - started < 1_000_000_000L);
        assertFalse(called.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
