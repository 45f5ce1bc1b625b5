package com.newsroom.comments.moderation.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FoldedTextTest {

    private static String folded(String s) {
        FoldedText ft = new FoldedText();
        ft.fold(s, false, false);
        return ft.foldedString();
    }

    @Test
    void examples() {
        assertEquals("if uck", folded("if u c k"));
        assertEquals("fuck of", folded("F.U.C.K OFF!!!"));
        assertEquals("hi 2024 100 iol", folded("hi 2024 $100 1ol"));
        assertEquals("met at 5pm on 3rd", folded("meet at 5pm on 3rd"));
        assertEquals("istanbul", folded("İSTANBUL"));
        assertEquals("fuck", folded("ｆｕｃｋ"));
        assertEquals("scam", folded("ѕсам"));
        assertEquals("fi", folded("ﬁ"));
    }

    /** The fused ASCII fast path must produce exactly what the general path produces. */
    @Test
    void asciiFastPathEqualsGeneralPath() {
        Random rnd = new Random(1);
        String alphabet = "abcdefklosuAFKOS01345789@$ .-_*!'\t\n";
        FoldedText fast = new FoldedText();
        FoldedText slow = new FoldedText();
        for (int iter = 0; iter < 20_000; iter++) {
            int len = rnd.nextInt(30);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            for (boolean email : new boolean[] {false, true}) {
                for (boolean oneAsL : new boolean[] {false, true}) {
                    fast.fold(s, email, oneAsL);
                    slow.foldGeneral(s, email, oneAsL, false);
                    String ctx = "'" + s + "' email=" + email + " oneAsL=" + oneAsL;
                    assertSameFold(slow, fast, ctx);
                }
            }
        }
    }

    /**
     * The fused path on text in any script (and the script changes of foldMarked) must produce exactly
     * what the general path produces: chars, spans, runs, flags and the counters. Short strings of a few
     * chars drawn from a random window of the alphabet, so repeats, spelled-out letters and script changes
     * are common; the alphabet holds what the fused path takes and what sends it back to the general path.
     */
    @Test
    void fusedPathEqualsGeneralPathInAnyScript() {
        String[] alphabet = {
            "a", "b", "e", "k", "l", "o", "s", "A", "B", "K", "O", "S", "i", "I", "0", "1", "3", "4", "5", "9",
            "@", "$", "!", " ", " ", ".", "-", "'", "\n",
            "ç", "İ", "ı", "Ş", "ö", "é", "e\u0301", "\u0301", "ß", "æ", "ﬁ", "ª", "ǅ", "Ⅻ", "²", "Ω",
            "ب", "ا", "أ", "ى", "ة", "ک", "\u0640", "\u064E", "ש", "\u05B8", "а", "о", "с", "А", "α", "Σ", "ς",
            "狗", "屎", "这", "，", "。", "\u3000", "で", "バ", "カ", "ｶ", "ﾞ", "ー", "⼀", "㋐", "㈱",
            "ด", "\u0E35", "\u0E48", "฿", "ｆ", "Ｕ", "１", "＠", "＄", "！", "\u200B", "\u00AD",
            "\uD83D\uDE00", "\uD83D", "ǈ", "ſ", "Ａ", "ａ",
        };
        Random rnd = new Random(2);
        FoldedText fast = new FoldedText();
        FoldedText slow = new FoldedText();
        for (int iter = 0; iter < 30_000; iter++) {
            int window = 4 + rnd.nextInt(alphabet.length - 4);
            int from = rnd.nextInt(alphabet.length - window + 1);
            StringBuilder sb = new StringBuilder();
            for (int i = rnd.nextInt(20); i > 0; i--) {
                sb.append(alphabet[from + rnd.nextInt(window)]);
            }
            String s = sb.toString();
            for (int mode = 0; mode < 8; mode++) {
                boolean email = (mode & 1) != 0;
                boolean oneAsL = (mode & 2) != 0;
                boolean marked = (mode & 4) != 0;
                if (marked) {
                    fast.foldMarked(s, email, oneAsL);
                } else {
                    fast.fold(s, email, oneAsL);
                }
                slow.foldGeneral(s, email, oneAsL, marked);
                String ctx = "'" + s + "' email=" + email + " oneAsL=" + oneAsL + " marked=" + marked;
                assertSameFold(slow, fast, ctx);
                assertEquals(slow.spaceless, fast.spaceless, ctx);
                assertEquals(slow.softStarts, fast.softStarts, ctx);
            }
        }
    }

    @Test
    void scriptChangesAreSoftBoundariesOnlyWhenMarked() {
        FoldedText ft = new FoldedText();
        ft.foldMarked("这是shit", false, false);
        assertEquals("这是shit", ft.foldedString());
        assertEquals(TextNormalizer.F_SOFT_START, ft.flags(2) & TextNormalizer.F_SOFT_START);
        assertEquals(TextNormalizer.F_SOFT_END, ft.flags(1) & TextNormalizer.F_SOFT_END);
        assertEquals(1, ft.softStarts);
        ft.fold("这是shit", false, false);
        assertEquals(0, ft.flags(2) & TextNormalizer.F_SOFT_START);
        assertEquals(0, ft.softStarts);
    }

    /** The two folds wrote the same chars, spans, metadata and ambiguity. */
    private static void assertSameFold(FoldedText slow, FoldedText fast, String ctx) {
        assertEquals(slow.foldedString(), fast.foldedString(), ctx);
        int n = slow.length;
        assertArrayEquals(Arrays.copyOf(slow.start, n), Arrays.copyOf(fast.start, n), ctx);
        assertArrayEquals(Arrays.copyOf(slow.end, n), Arrays.copyOf(fast.end, n), ctx);
        assertArrayEquals(Arrays.copyOf(slow.meta, n), Arrays.copyOf(fast.meta, n), ctx);
        assertEquals(slow.ambiguous, fast.ambiguous, ctx);
    }
}
