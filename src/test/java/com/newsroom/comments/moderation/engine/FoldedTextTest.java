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
                    slow.prepare(s, email);
                    slow.emit(oneAsL);
                    String ctx = "'" + s + "' email=" + email + " oneAsL=" + oneAsL;
                    assertEquals(slow.foldedString(), fast.foldedString(), ctx);
                    int n = slow.length;
                    assertArrayEquals(Arrays.copyOf(slow.start, n), Arrays.copyOf(fast.start, n), ctx);
                    assertArrayEquals(Arrays.copyOf(slow.end, n), Arrays.copyOf(fast.end, n), ctx);
                    assertArrayEquals(Arrays.copyOf(slow.meta, n), Arrays.copyOf(fast.meta, n), ctx);
                    assertEquals(slow.ambiguous, fast.ambiguous, ctx);
                }
            }
        }
    }
}
