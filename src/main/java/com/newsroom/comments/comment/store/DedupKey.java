package com.newsroom.comments.comment.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import com.newsroom.comments.comment.CommentSubmission;
import com.newsroom.comments.moderation.engine.SameText;

/**
 * The duplicate-comment key: SHA-256 of the article, the author (the e-mail, or else the name and the
 * address) and the text, folded as the moderation engine folds text ({@link SameText}): case, Unicode
 * compatibility forms, look-alike letters, accents, invisible characters and spacing are set aside, so
 * the same words in disguise are the same comment. Stored with each comment (unique per article): it
 * stays the hash of {@code articleId + '\n' + author + '\n' + folded text} in UTF-8, and a change to
 * the folding lets a comment stored before it be posted once more after it.
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
                : "n:" + SameText.fold(submission.name()) + "|" + ip;
        String text = SameText.fold(submission.text());
        byte[] digest = SHA_256.get().digest((articleId + '\n' + author + '\n' + text).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
