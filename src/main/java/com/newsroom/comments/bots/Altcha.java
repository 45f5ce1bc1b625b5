package com.newsroom.comments.bots;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonFactory;

/**
 * Proof-of-work challenges in the ALTCHA format (version 1, SHA-256): the salt carries its expiry
 * ({@code <hex>?expires=<epoch s>&}), the challenge is SHA-256 hex of salt + a secret number up to
 * {@code maxnumber}, and the signature the HMAC-SHA256 hex of the challenge. A solution is the base64 JSON
 * the ALTCHA widget sends ({@code algorithm}, {@code challenge}, {@code number}, {@code salt},
 * {@code signature}). Verification is stateless; that a solution is used once is the caller's
 * ({@link SpentSolutions}). Plain Java, thread-safe.
 */
public final class Altcha {

    public static final String ALGORITHM = "SHA-256";
    /** Longest payload accepted (a real one has about 300 characters). */
    static final int MAX_PAYLOAD = 2048;
    private static final HexFormat HEX = HexFormat.of();
    private static final JsonFactory JSON = JsonFactory.builder().disable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    /** A challenge, as GET /api/challenge sends it (the ALTCHA widget's format). */
    public record Challenge(String algorithm, String challenge, int maxnumber, String salt, String signature) {
    }

    /** A verified solution: its challenge (the key that makes it single-use) and when it expires. */
    public record Solution(String challenge, Instant expiresAt) {
    }

    /** Why a payload is not a valid solution; the message is for the log and tests, never the client. */
    public static final class InvalidSolution extends Exception {
        InvalidSolution(String message) {
            super(message, null, false, false);
        }
    }

    private final BotKeys keys;
    private final int maxNumber;
    private final Duration expiry;
    private final SecureRandom random = new SecureRandom();

    public Altcha(BotKeys keys, int maxNumber, Duration expiry) {
        if (maxNumber < 1) {
            throw new IllegalArgumentException("comments.bots.pow-max-number must be at least 1");
        }
        this.keys = keys;
        this.maxNumber = maxNumber;
        this.expiry = expiry;
    }

    /** A new challenge that expires {@code expiry} after {@code now}. */
    public Challenge create(Instant now) {
        byte[] saltBytes = new byte[12];
        random.nextBytes(saltBytes);
        String salt = HEX.formatHex(saltBytes) + "?expires=" + now.plus(expiry).getEpochSecond() + "&";
        int number = random.nextInt(maxNumber + 1);
        String challenge = sha256Hex(salt + number);
        return new Challenge(ALGORITHM, challenge, maxNumber, salt, signature(challenge));
    }

    /** The solution in {@code payload} (base64 JSON), if it is one of our challenges, solved and not expired at {@code now}. */
    public Solution verify(String payload, Instant now) throws InvalidSolution {
        if (payload == null || payload.length() > MAX_PAYLOAD) {
            throw new InvalidSolution("missing or too long");
        }
        byte[] json;
        try {
            json = Base64.getMimeDecoder().decode(payload.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidSolution("not base64");
        }
        String algorithm = null;
        String challenge = null;
        String salt = null;
        String signature = null;
        long number = -1;
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidSolution("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "algorithm" -> algorithm = text(parser, value);
                    case "challenge" -> challenge = text(parser, value);
                    case "salt" -> salt = text(parser, value);
                    case "signature" -> signature = text(parser, value);
                    case "number" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT) {
                            throw new InvalidSolution("number is not an integer");
                        }
                        number = parser.getLongValue();
                    }
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new InvalidSolution("not JSON");
        }
        if (!ALGORITHM.equals(algorithm)) {
            throw new InvalidSolution("algorithm is not SHA-256");
        }
        if (challenge == null || salt == null || signature == null || number < 0 || number > maxNumber) {
            throw new InvalidSolution("a field is missing or out of range");
        }
        Instant expiresAt = expires(salt);
        if (!now.isBefore(expiresAt)) {
            throw new InvalidSolution("expired");
        }
        byte[] signatureBytes;
        try {
            signatureBytes = HEX.parseHex(signature);
        } catch (IllegalArgumentException e) {
            throw new InvalidSolution("signature is not hex");
        }
        if (!keys.verify(challenge.getBytes(StandardCharsets.US_ASCII), signatureBytes)) {
            throw new InvalidSolution("signature does not match");
        }
        if (!MessageDigest.isEqual(sha256Hex(salt + number).getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidSolution("wrong number");
        }
        return new Solution(challenge, expiresAt);
    }

    /** The HMAC-SHA256 hex of a challenge, as the signature field carries it. */
    String signature(String challenge) {
        return HEX.formatHex(keys.sign(challenge.getBytes(StandardCharsets.US_ASCII)));
    }

    public static String sha256Hex(String data) {
        return HEX.formatHex(SHA256.get().digest(data.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(JsonParser parser, JsonToken value) throws IOException, InvalidSolution {
        if (value != JsonToken.VALUE_STRING) {
            throw new InvalidSolution(parser.currentName() + " is not a string");
        }
        String text = parser.getText();
        if (text.length() > 256) {
            throw new InvalidSolution(parser.currentName() + " is too long");
        }
        return text;
    }

    /** The salt's {@code expires} parameter; every challenge this service makes has one. */
    private static Instant expires(String salt) throws InvalidSolution {
        int query = salt.indexOf('?');
        if (query >= 0) {
            for (String param : salt.substring(query + 1).split("&")) {
                if (param.startsWith("expires=")) {
                    String value = param.substring("expires=".length());
                    if (!value.isEmpty() && value.length() <= 12 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        return Instant.ofEpochSecond(Long.parseLong(value));
                    }
                }
            }
        }
        throw new InvalidSolution("the salt has no expiry");
    }
}
