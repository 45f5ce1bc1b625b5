package com.newsroom.comments.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * The hash that unknown user names are checked against is a constant (so that nothing is hashed at
 * start-up). It must still cost what a real account's check costs: same algorithm and cost factor as
 * the hashes {@link ModeratorAccounts} stores.
 */
class DummyHashTest {

    @Test
    void isTheBcryptOfTheDummyPassword() {
        assertTrue(BcryptUtil.matches(ModeratorAccounts.DUMMY_PASSWORD, ModeratorAccounts.DUMMY_HASH));
        assertFalse(BcryptUtil.matches("test-admin-password", ModeratorAccounts.DUMMY_HASH));
    }

    @Test
    void hasTheCostOfAStoredHash() {
        String stored = BcryptUtil.bcryptHash("a-moderator-password");
        // Modular crypt format: $2a$<cost>$<22 characters of salt><31 of hash>
        assertEquals(stored.substring(0, 7), ModeratorAccounts.DUMMY_HASH.substring(0, 7));
        assertEquals(stored.length(), ModeratorAccounts.DUMMY_HASH.length());
    }
}
