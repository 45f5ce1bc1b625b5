package com.newsroom.comments.comment.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.comment.CommentSubmission;

/** The duplicate key: same article, author and text once case, Unicode form and spacing are set aside. */
class DedupKeyTest {

    private static final Pattern JAVA_WHITESPACE = Pattern.compile("\\p{javaWhitespace}+");
    private static final String EARLIER_KEY = "7f9297335e87ba8095592b9d04e2c29a00e302e6e610acdf0683e42ea23da213";

    private static CommentSubmission comment(String name, String email, String text) {
        return new CommentSubmission(name, text, email, null, null);
    }

    @Test
    void collapsesEveryKindOfWhitespaceIntoOneSpaceAndTrims() {
        assertEquals("a b c d", DedupKey.collapseWhitespace(" \t a \r\n b\u2003\u3000c\u001Fd \u000B"));
        assertEquals("", DedupKey.collapseWhitespace(" \n\t "));
        // No-break space is not whitespace to Java: it stays, as before.
        assertEquals("a\u00A0b", DedupKey.collapseWhitespace("a\u00A0b"));
        assertEquals("Erdoğan'ın 😀 sözleri", DedupKey.collapseWhitespace("Erdoğan'ın  😀\n\nsözleri"));
    }

    @Test
    void collapsingLeavesSingleSpacesAndEveryOtherCharacter() {
        String prose = "Hamdi Fırat Büyük said the budget was late. Nobody answered!";
        assertEquals(prose, DedupKey.collapseWhitespace(prose));
        assertEquals("", DedupKey.collapseWhitespace(""));
        assertEquals("a b", DedupKey.collapseWhitespace("a  b"));
        assertEquals("a b", DedupKey.collapseWhitespace(" a b"));
        assertEquals("a b", DedupKey.collapseWhitespace("a b "));
        assertEquals("a b", DedupKey.collapseWhitespace("a\tb"));
        assertEquals("a b", DedupKey.collapseWhitespace("a\u2003b"));
        assertEquals("\u0001a b", DedupKey.collapseWhitespace("\u0001a b"), "a control character that is not whitespace stays");
    }

    @Test
    void sameTextOnceCaseFormAndSpacingAreSetAsideIsTheSameKey() {
        String key = DedupKey.of("a-1", comment("Hamdi", "Hamdi@Example.com", "Büyük  haber\n"), "10.0.0.1");
        // NFKC: the fullwidth letters and the decomposed ü fold to the same text.
        assertEquals(key, DedupKey.of("a-1", comment("Other name", "hamdi@example.com",
                "ＢＵ\u0308ＹＵ\u0308Ｋ haber"), "10.0.0.2"));
        assertNotEquals(key, DedupKey.of("a-2", comment("Hamdi", "hamdi@example.com", "Büyük haber"), "10.0.0.1"));
        assertNotEquals(key, DedupKey.of("a-1", comment("Hamdi", "hamdi@example.com", "Büyük haberler"), "10.0.0.1"));
    }

    @Test
    void withoutAnEmailTheAuthorIsTheNameAndTheAddress() {
        String key = DedupKey.of("a-1", comment("Recep", null, "Same text"), "10.0.0.1");
        assertEquals(key, DedupKey.of("a-1", comment("recep", null, "same  TEXT"), "10.0.0.1"));
        assertNotEquals(key, DedupKey.of("a-1", comment("Recep", null, "Same text"), "10.0.0.9"));
    }

    /**
     * Keys are stored, so for any text the key must stay that of its definition: the SHA-256 of article,
     * author and text joined by line breaks, in UTF-8, the text with every run of whitespace (as
     * {@link Character#isWhitespace(int)} sees it) made one space and trimmed.
     */
    @Test
    void theKeyIsTheHashOfItsDefinitionForAnyText() throws NoSuchAlgorithmException {
        String[] pieces = {"a", "Z", " ", "  ", "\t", "\r\n", "\u001C", "\u0001", "\u00A0", "\u0085", "ı", "İ", "ğ", "é", "e\u0301",
            "\u2003", "\u3000", "\u2028", "ｆｕｌｌ", "ﬁ", "ß", "€", "中文", "😀", "👍🏽", "\uD83D", "\uDE00", "'", "\"", "\\"};
        Random random = new Random(20261127);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            // Up to 3,000 pieces: past the 8 KB buffer the hash is fed in several parts.
            int count = round < 1000 ? random.nextInt(12) : random.nextInt(3000);
            for (int i = 0; i < count; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            CommentSubmission submission = comment("Hamdi Fırat Büyük", round % 2 == 0 ? null : "Reader@Example.com", text.toString());
            String author = submission.email() != null ? "e:reader@example.com" : "n:hamdi fırat büyük|10.0.0.1";
            String collapsed = JAVA_WHITESPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
                    .replaceAll(" ").strip();
            String expected = HexFormat.of().formatHex(sha256.digest(("a-1\n" + author + "\n" + collapsed).getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, DedupKey.of("a-1", submission, "10.0.0.1"), () -> "text: " + text);
        }
    }

    @Test
    void aKeyKeptFromAnEarlierVersionStillMatches() {
        // Computed by the version of 2026-11-26 for this exact comment.
        assertEquals(EARLIER_KEY, DedupKey.of("article-0001",
                comment("Recep Tayyip Erdoğan", "Okur@Example.com", "  Erdoğan'ın\n\nsözleri 😀\tBüyük  haber "), "10.0.0.1"));
    }
}
