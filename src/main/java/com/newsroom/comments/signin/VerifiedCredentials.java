package com.newsroom.comments.signin;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.moderator.AccountChanged;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * HTTP Basic credentials this instance verified with bcrypt, remembered for {@code credential-cache-ttl}
 * so that a script repeating them costs no bcrypt. The key is an HMAC-SHA256, under a random key made at
 * start and never stored, of the user name and password: neither the password nor anything that could be
 * checked against guesses without the key is kept. An entry also records the account's bcrypt hash at
 * verification, so a password changed through any instance invalidates it at the next check.
 */
@ApplicationScoped
public class VerifiedCredentials {

    /** A verified credential: who, the password hash it matched, and when (nanoTime) the account was last checked. */
    record Entry(String username, String passwordHash, SecurityIdentity identity, long checkedAt) {
    }

    private final byte[] secret = new byte[32];
    private final ThreadLocal<Mac> macs;
    private final Cache<String, Entry> entries;

    public VerifiedCredentials(CommentsConfig config) {
        new SecureRandom().nextBytes(secret);
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.entries = Caffeine.newBuilder().maximumSize(10_000)
                .expireAfterWrite(config.signin().credentialCacheTtl().toNanos(), TimeUnit.NANOSECONDS).build();
    }

    String key(String username, char[] password) {
        Mac mac = macs.get();
        mac.update(username.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            mac.update(encoded);
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } finally {
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
    }

    Entry get(String key) {
        return entries.getIfPresent(key);
    }

    void put(String key, Entry entry) {
        entries.put(key, entry);
    }

    void forget(String key) {
        entries.invalidate(key);
    }

    /** Any change of an account forgets its credentials here (other instances notice at their next check). */
    void onAccountChanged(@Observes AccountChanged change) {
        entries.asMap().values().removeIf(e -> e.username().equals(change.username()));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
