package com.newsroom.comments.bots;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Stateless signed form tokens: {@code <issued epoch ms>.<nonce>.<HMAC(article, issued, nonce)>}. A token
 * proves that this service issued it for this article at that time; it is never stored, so a token may
 * be used more than once. Plain Java, thread-safe.
 */
public final class FormTokens {

    /** What a token says about a submission. */
    public enum Check {
        /** Signed for this article, issued at least the minimum time before, and not too old. */
        OK,
        /** Sent sooner after its issue than a person fills in a form. */
        TOO_FAST,
        /** Older than the maximum age. */
        EXPIRED,
        /** Not issued by this service for this article: malformed, altered or signed by an unknown key. */
        FORGED
    }

    /** Longest token accepted; a real one has about 75 characters. */
    static final int MAX_LENGTH = 200;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    private final BotKeys keys;
    private final Duration minAge;
    private final Duration maxAge;
    private final SecureRandom random = new SecureRandom();

    public FormTokens(BotKeys keys, Duration minAge, Duration maxAge) {
        this.keys = keys;
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    /** A new token for a form on {@code articleId}, issued {@code now}. */
    public String issue(String articleId, Instant now) {
        byte[] nonceBytes = new byte[9];
        random.nextBytes(nonceBytes);
        String issued = Long.toString(now.toEpochMilli());
        String nonce = B64.encodeToString(nonceBytes);
        return issued + '.' + nonce + '.' + B64.encodeToString(keys.sign(signed(articleId, issued, nonce)));
    }

    /** What {@code token} says about a submission on {@code articleId} at {@code now}. */
    public Check check(String articleId, String token, Instant now) {
        if (token == null || token.length() > MAX_LENGTH || articleId == null) {
            return Check.FORGED;
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first < 1 || first > 15 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            return Check.FORGED;
        }
        String issued = token.substring(0, first);
        String nonce = token.substring(first + 1, second);
        byte[] signature;
        try {
            signature = B64_DECODER.decode(token.substring(second + 1));
        } catch (IllegalArgumentException e) {
            return Check.FORGED;
        }
        for (int i = 0; i < issued.length(); i++) {
            if (issued.charAt(i) < '0' || issued.charAt(i) > '9') {
                return Check.FORGED;
            }
        }
        if (!keys.verify(signed(articleId, issued, nonce), signature)) {
            return Check.FORGED;
        }
        Duration age = Duration.ofMillis(now.toEpochMilli() - Long.parseLong(issued));
        if (age.compareTo(minAge) < 0) {
            return Check.TOO_FAST;
        }
        return age.compareTo(maxAge) > 0 ? Check.EXPIRED : Check.OK;
    }

    /** Seconds between the token's issue and {@code now}; only for a token {@link #check} did not call forged. */
    public static double ageSeconds(String token, Instant now) {
        return (now.toEpochMilli() - Long.parseLong(token.substring(0, token.indexOf('.')))) / 1000.0;
    }

    private static byte[] signed(String articleId, String issued, String nonce) {
        // The article id cannot contain '|' (ArticleIds), so the parts cannot be shifted into each other.
        return ("ft1|" + articleId + '|' + issued + '|' + nonce).getBytes(StandardCharsets.UTF_8);
    }
}
