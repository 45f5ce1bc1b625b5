package com.newsroom.comments.article;

/** What an article id may be, wherever one arrives in a path. */
public final class ArticleIds {

    public static final String PATTERN = "[A-Za-z0-9._-]{1,200}";
    public static final String MESSAGE = "The article id must be 1 to 200 characters: letters, digits, '-', '_' and '.'.";
    /** The field error's code and its key in the {@code i18n} bundles (whose English is {@link #MESSAGE}). */
    public static final String CODE = "articleId.invalid";

    private static final java.util.regex.Pattern COMPILED = java.util.regex.Pattern.compile(PATTERN);

    private ArticleIds() {
    }

    public static boolean isValid(String articleId) {
        return articleId != null && COMPILED.matcher(articleId).matches();
    }
}
