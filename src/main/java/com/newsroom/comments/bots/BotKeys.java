package com.newsroom.comments.bots;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 keys of form tokens and challenges: the first signs, every one verifies (so a key can
 * be rotated without refusing what the previous one signed). Plain Java, thread-safe.
 */
public final class BotKeys {

    /** Shorter keys are refused: a key must not be guessable offline from one signed token. */
    public static final int MIN_KEY_LENGTH = 16;
    static final String ALGORITHM = "HmacSHA256";

    private final List<SecretKeySpec> keys;
    /** Mac instances are not thread-safe and costly to look up: one per key per thread. */
    private final ThreadLocal<Mac[]> macs;

    public BotKeys(List<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("At least one HMAC key is needed.");
        }
        for (String key : keys) {
            if (key == null || key.length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException("Each HMAC key needs at least " + MIN_KEY_LENGTH + " characters.");
            }
        }
        this.keys = keys.stream().map(k -> new SecretKeySpec(k.getBytes(StandardCharsets.UTF_8), ALGORITHM)).toList();
        this.macs = ThreadLocal.withInitial(() -> new Mac[this.keys.size()]);
    }

    /** The signing key's HMAC of {@code data}. */
    public byte[] sign(byte[] data) {
        return mac(0).doFinal(data);
    }

    /** Whether {@code signature} is the HMAC of {@code data} under any of the keys (constant time per key). */
    public boolean verify(byte[] data, byte[] signature) {
        for (int i = 0; i < keys.size(); i++) {
            if (MessageDigest.isEqual(mac(i).doFinal(data), signature)) {
                return true;
            }
        }
        return false;
    }

    private Mac mac(int index) {
        Mac[] own = macs.get();
        if (own[index] == null) {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(keys.get(index));
                own[index] = mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
        return own[index];
    }
}
