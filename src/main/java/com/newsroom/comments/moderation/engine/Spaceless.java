package com.newsroom.comments.moderation.engine;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Word breaks inside runs of scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer,
 * Myanmar), from ICU's dictionary-based word {@link BreakIterator}. Each break becomes a soft
 * boundary of the folded text, so a term matches when it starts and ends on word breaks, and may
 * span several dictionary words ("狗|屎"), but never starts or ends inside one ("バカ" is not found
 * in "バカンス", "操" not in "操作").
 *
 * <p>Breaks are computed on the text as submitted (folding removes nothing these scripts need, but
 * the source is what ICU's dictionaries know). One instance per thread, owned by a {@link FoldedText}.
 */
final class Spaceless {

    /** Created on the first token that needs it: ICU's data is loaded only where such terms are configured. */
    private BreakIterator words;

    /**
     * Adds soft boundaries at the dictionary word breaks inside each folded token that has spaceless
     * letters and a key of {@code terms} somewhere inside (the script changes are already marked by
     * {@link FoldedText#foldMarked}). Tokens without any candidate are not segmented: ICU's dictionary
     * lookup is the expensive part, and most text holds no term at all.
     */
    void segment(FoldedText ft, TermAutomaton terms) {
        String src = ft.source;
        char[] c = ft.chars;
        int n = ft.length;
        int i = 0;
        while (i < n) {
            while (i < n && c[i] == ' ') {
                i++;
            }
            int a = i;
            boolean any = false;
            while (i < n && c[i] != ' ') {
                char ch = c[i];
                any |= FoldedText.spacelessChar(ch);
                i++;
            }
            if (any && i - a > 1 && terms.anyKeyInside(c, a, i)) {
                markToken(ft, src, a, i);
            }
        }
    }

    private void markToken(FoldedText ft, String src, int a, int b) {
        int from = ft.start[a];
        int to = ft.end[b - 1];
        if (words == null) {
            words = BreakIterator.getWordInstance(ULocale.ROOT);
        }
        words.setText(src.substring(from, to));
        int k = a + 1;
        for (int br = words.following(0); br != BreakIterator.DONE && br < to - from; br = words.next()) {
            int at = from + br;
            while (k < b && ft.start[k] < at) {
                k++;
            }
            if (k < b && ft.start[k] == at && ft.chars[k - 1] != ' ') {
                ft.softAt(k);
            }
        }
    }
}
