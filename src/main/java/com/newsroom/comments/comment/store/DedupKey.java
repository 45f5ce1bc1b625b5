package com.newsroom.comments.comment.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

import com.newsroom.comments.comment.CommentSubmission;

/**
 * The duplicate-comment key: SHA-256 of the article, the author (the e-mail, or else the name and the
 * address) and the text, once case, Unicode form and spacing are set aside. Stored with each comment
 * (unique per article), so a change to what it hashes would let a comment posted before an upgrade
 * be posted again after it: it stays the hash of {@code articleId + '\n' + author + '\n' + collapsed text}
 * in UTF-8.
 */
final class DedupKey {

    /** One digest per thread: looking the algorithm up through the security providers costs more than hashing. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private DedupKey() {
    }

    static String of(String articleId, CommentSubmission submission, String ip) {
        String author = submission.email() != null
                ? "e:" + submission.email().toLowerCase(Locale.ROOT)
                : "n:" + Normalizer.normalize(submission.name(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT) + "|" + ip;
        String text = collapseWhitespace(Normalizer.normalize(submission.text(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
        // The JDK's concatenation and UTF-8 encoding are vectorised: faster than a one-pass encoder of our
        // own that collapsed as it went.
        byte[] digest = SHA_256.get().digest((articleId + '\n' + author + '\n' + text).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    /** Trims and turns every run of whitespace into one space (a loop: this runs on every comment). */
    static String collapseWhitespace(String value) {
        if (isCollapsed(value)) {
            return value; // the usual text: single spaces between words, nothing to copy
        }
        char[] out = new char[value.length()];
        int o = 0;
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F')
                    : c >= 0x80 && Character.isWhitespace(c)) {
                space = o > 0;
            } else {
                if (space) {
                    out[o++] = ' ';
                    space = false;
                }
                out[o++] = c;
            }
        }
        return new String(out, 0, o);
    }

    /** No leading or trailing whitespace, and none but single spaces between words. */
    private static boolean isCollapsed(String value) {
        boolean space = true; // a leading space is not collapsed
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ') {
                if (space) {
                    return false;
                }
                space = true;
            } else if (c < ' ' || c >= 0x80 && Character.isWhitespace(c)) {
                return false; // a tab, line break or other control character, or Unicode whitespace
            } else {
                space = false;
            }
        }
        return !space || value.isEmpty();
    }
}
