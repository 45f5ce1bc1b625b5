package com.newsroom.comments.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.newsroom.comments.config.CommentsConfig;

/**
 * Chooses the language of a reader's request: the {@code lang} field or query parameter when it names a
 * language with a bundle, else the best supported language of {@code Accept-Language} by its q-values
 * (earlier wins a tie; {@code q=0} means "not this one"), else {@code comments.default-language}. Only a
 * tag's primary language counts ({@code tr-TR} is Turkish). Moderators' requests are never translated:
 * {@link #isPublic} tells which paths readers use.
 */
@ApplicationScoped
public class Languages {

    /** Longer headers are read up to here: no browser sends that many languages. */
    static final int MAX_HEADER = 512;

    private final Messages defaultLanguage;

    @Inject
    public Languages(CommentsConfig config) {
        this(config.defaultLanguage());
    }

    Languages(String defaultLanguage) {
        Messages messages = Messages.of(defaultLanguage);
        if (messages == null) {
            throw new IllegalStateException("comments.default-language=" + defaultLanguage
                    + " has no bundle: choose one of " + Messages.languages());
        }
        this.defaultLanguage = messages;
    }

    public Messages defaultLanguage() {
        return defaultLanguage;
    }

    /** @param requested the {@code lang} field or query parameter, or null; @param acceptLanguage the header, or null */
    public Messages choose(String requested, String acceptLanguage) {
        Messages asked = Messages.of(primary(requested, 0, requested == null ? 0 : requested.length()));
        if (asked != null) {
            return asked;
        }
        Messages accepted = fromAcceptLanguage(acceptLanguage);
        return accepted != null ? accepted : defaultLanguage;
    }

    /** True for the paths readers' pages call, whose answers are in the reader's language. */
    public static boolean isPublic(String path) {
        return path != null && (path.startsWith("/api/articles/") || path.equals("/api/challenge") || path.equals("/api/limits"));
    }

    /** The supported language with the highest q-value, or null. */
    static Messages fromAcceptLanguage(String header) {
        if (header == null) {
            return null;
        }
        String value = header.length() > MAX_HEADER ? header.substring(0, MAX_HEADER) : header;
        Messages best = null;
        double bestQ = 0;
        int start = 0;
        while (start < value.length()) {
            int end = value.indexOf(',', start);
            if (end < 0) {
                end = value.length();
            }
            int semicolon = value.indexOf(';', start);
            int tagEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
            double q = tagEnd < end ? quality(value.substring(tagEnd + 1, end)) : 1;
            if (q > bestQ) {
                Messages messages = Messages.of(primary(value, start, tagEnd));
                if (messages != null) {
                    best = messages;
                    bestQ = q;
                }
            }
            start = end + 1;
        }
        return best;
    }

    /** The lower-case primary subtag of the tag in {@code value[from, to)}, or null if it is not 2 or 3 letters. */
    static String primary(String value, int from, int to) {
        if (value == null) {
            return null;
        }
        while (from < to && value.charAt(from) == ' ') {
            from++;
        }
        int end = from;
        while (end < to && value.charAt(end) != '-' && value.charAt(end) != '_' && value.charAt(end) != ' ') {
            end++;
        }
        int length = end - from;
        if (length < 2 || length > 3) {
            return null;
        }
        StringBuilder code = new StringBuilder(length);
        for (int i = from; i < end; i++) {
            char c = value.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            } else if (c < 'a' || c > 'z') {
                return null;
            }
            code.append(c);
        }
        return code.toString();
    }

    /** The q of a parameter list such as {@code q=0.8}; 1 without one, 0 if malformed. */
    private static double quality(String parameters) {
        for (String parameter : parameters.split(";")) {
            String p = parameter.strip();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    double q = Double.parseDouble(p.substring(2));
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
