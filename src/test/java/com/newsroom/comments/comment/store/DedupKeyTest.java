package com.newsroom.comments.comment.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.comment.CommentSubmission;
import com.newsroom.comments.moderation.engine.SameText;

/** The duplicate key: same article, author and text once the engine's folding has set disguises aside. */
class DedupKeyTest {

    private static CommentSubmission comment(String name, String email, String text) {
        return new CommentSubmission(name, text, email, null, null);
    }

    private static String key(String text) {
        return DedupKey.of("a-1", comment("Hamdi", "hamdi@example.com", text), "10.0.0.1");
    }

    @Test
    void sameTextOnceCaseFormAndSpacingAreSetAsideIsTheSameKey() {
        String key = DedupKey.of("a-1", comment("Hamdi", "Hamdi@Example.com", "Büyük  haber\n"), "10.0.0.1");
        // Full-width letters and the decomposed ü fold to the same text.
        assertEquals(key, DedupKey.of("a-1", comment("Other name", "hamdi@example.com",
                "ＢＵ\u0308ＹＵ\u0308Ｋ haber"), "10.0.0.2"));
        assertNotEquals(key, DedupKey.of("a-2", comment("Hamdi", "hamdi@example.com", "Büyük haber"), "10.0.0.1"));
        assertNotEquals(key, DedupKey.of("a-1", comment("Hamdi", "hamdi@example.com", "Büyük haberler"), "10.0.0.1"));
    }

    @Test
    void invisibleCharactersAndLookAlikeLettersAreTheSameText() {
        String key = key("Vote for the budget now");
        assertEquals(key, key("Vote for the bud\u200Bget now"), "zero-width space");
        assertEquals(key, key("Vote for the bud\u00ADget now"), "soft hyphen");
        assertEquals(key, key("Vote for the bud\u2060get\u200D now\uFEFF"), "word joiner, zero-width joiner, BOM");
        assertEquals(key, key("Vote f\u043Er the budget now"), "Cyrillic o");
        assertEquals(key, key("V\u03BFte for the budg\u0435t n\u043Ew"), "Greek omicron, Cyrillic e and o");
        assertEquals(key, key("\u202EVote for the budget now\u202C"), "bidi controls");
        assertEquals(key, key("Vote\u00A0for  the\tbudget\nnow "), "spacing");
        assertNotEquals(key, key("Vote for the budget later"));
    }

    @Test
    void withoutAnEmailTheAuthorIsTheFoldedNameAndTheAddress() {
        String key = DedupKey.of("a-1", comment("Recep", null, "Same text"), "10.0.0.1");
        assertEquals(key, DedupKey.of("a-1", comment("recep", null, "same  TEXT"), "10.0.0.1"));
        assertEquals(key, DedupKey.of("a-1", comment("R\u0435cep\u200B", null, "Same text"), "10.0.0.1"));
        assertNotEquals(key, DedupKey.of("a-1", comment("Recep", null, "Same text"), "10.0.0.9"));
    }

    /** Keys are stored: the key is the SHA-256 of article, author and folded text joined by line breaks, in UTF-8. */
    @Test
    void theKeyIsTheHashOfItsDefinition() throws NoSuchAlgorithmException {
        String text = "  Erdoğan'ın\n\nsözleri 😀\tBüyük  haber ";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                ("article-0001\ne:okur@example.com\n" + SameText.fold(text)).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, DedupKey.of("article-0001", comment("Recep Tayyip Erdoğan", "Okur@Example.com", text), "10.0.0.1"));
        assertEquals("erdogan'in sozleri 😀 buyuk haber", SameText.fold(text));
    }
}
