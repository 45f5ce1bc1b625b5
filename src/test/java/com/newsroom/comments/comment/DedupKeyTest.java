package com.newsroom.comments.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The duplicate key: same article, author and text once case, Unicode form and spacing are set aside. */
class DedupKeyTest {

    private static CommentSubmission comment(String name, String email, String text) {
        return new CommentSubmission(name, text, email, null, null);
    }

    @Test
    void collapsesEveryKindOfWhitespaceIntoOneSpaceAndTrims() {
        assertEquals("a b c d", CommentService.collapseWhitespace(" \t a \r\n b\u2003\u3000c\u001Fd \u000B"));
        assertEquals("", CommentService.collapseWhitespace(" \n\t "));
        // No-break space is not whitespace to Java: it stays, as before.
        assertEquals("a\u00A0b", CommentService.collapseWhitespace("a\u00A0b"));
        assertEquals("Erdoğan'ın 😀 sözleri", CommentService.collapseWhitespace("Erdoğan'ın  😀\n\nsözleri"));
    }

    @Test
    void textThatIsAlreadyCollapsedIsReturnedAsItIs() {
        String prose = "Hamdi Fırat Büyük said the budget was late. Nobody answered!";
        assertSame(prose, CommentService.collapseWhitespace(prose));
        assertSame("", CommentService.collapseWhitespace(""));
        // Each of these needs the slow path, and gets the same answer as before.
        assertEquals("a b", CommentService.collapseWhitespace("a  b"));
        assertEquals("a b", CommentService.collapseWhitespace(" a b"));
        assertEquals("a b", CommentService.collapseWhitespace("a b "));
        assertEquals("a b", CommentService.collapseWhitespace("a\tb"));
        assertEquals("a b", CommentService.collapseWhitespace("a\u2003b"));
        assertEquals("\u0001a b", CommentService.collapseWhitespace("\u0001a b"), "a control character that is not whitespace stays");
    }

    @Test
    void sameTextOnceCaseFormAndSpacingAreSetAsideIsTheSameKey() {
        String key = CommentService.dedupKey("a-1", comment("Hamdi", "Hamdi@Example.com", "Büyük  haber\n"), "10.0.0.1");
        // NFKC: the fullwidth letters and the decomposed ü fold to the same text.
        assertEquals(key, CommentService.dedupKey("a-1", comment("Other name", "hamdi@example.com",
                "ＢＵ\u0308ＹＵ\u0308Ｋ haber"), "10.0.0.2"));
        assertNotEquals(key, CommentService.dedupKey("a-2", comment("Hamdi", "hamdi@example.com", "Büyük haber"), "10.0.0.1"));
        assertNotEquals(key, CommentService.dedupKey("a-1", comment("Hamdi", "hamdi@example.com", "Büyük haberler"), "10.0.0.1"));
    }

    @Test
    void withoutAnEmailTheAuthorIsTheNameAndTheAddress() {
        String key = CommentService.dedupKey("a-1", comment("Recep", null, "Same text"), "10.0.0.1");
        assertEquals(key, CommentService.dedupKey("a-1", comment("recep", null, "same  TEXT"), "10.0.0.1"));
        assertNotEquals(key, CommentService.dedupKey("a-1", comment("Recep", null, "Same text"), "10.0.0.9"));
    }
}
