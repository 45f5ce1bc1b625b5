package com.newsroom.comments.moderation.engine;

/**
 * Text folded as the engine folds it before matching terms, for telling whether two texts say the same
 * words: compatibility forms (full-width letters, ligatures), look-alike letters of other scripts,
 * accents and case are folded, invisible characters (zero-width spaces, soft hyphens, joiners, bidi
 * controls) and tatweel removed, and every run of whitespace made one space, trimmed.
 */
public final class SameText {

    private SameText() {
    }

    public static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String part = TextNormalizer.entry(cp).text;
            if (part.isEmpty()) {
                continue;
            }
            if (part.equals(" ")) {
                space = folded.length() > 0;
                continue;
            }
            if (space) {
                folded.append(' ');
                space = false;
            }
            folded.append(part);
        }
        return folded.toString();
    }
}
