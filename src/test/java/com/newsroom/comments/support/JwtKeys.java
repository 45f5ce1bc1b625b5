package com.newsroom.comments.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

/**
 * Plays the site's single sign-on in tests: a key pair made at test start (no key in the repository),
 * the public half handed to the service as its JWT verification key.
 */
public class JwtKeys implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://sso.test.newsroom";
    private static final KeyPair KEYS = generate();
    private static final KeyPair OTHER_KEYS = generate();

    @Override
    public Map<String, String> start() {
        try {
            Path pem = Path.of("target", "jwt-test-public-key.pem");
            Files.createDirectories(pem.getParent());
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded());
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            return Map.of("mp.jwt.verify.publickey.location", "file:" + pem.toAbsolutePath(), "mp.jwt.verify.issuer", ISSUER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }

    /** A token for a user of the site's single sign-on with these groups (roles). */
    public static String token(String user, String... groups) {
        return sign(KEYS.getPrivate(), user, groups);
    }

    /** A well-formed token signed by a key the service does not trust. */
    public static String forgedToken(String user, String... groups) {
        return sign(OTHER_KEYS.getPrivate(), user, groups);
    }

    private static String sign(PrivateKey key, String user, String... groups) {
        return Jwt.issuer(ISSUER).upn(user).groups(Set.of(groups)).expiresIn(300).sign(key);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
