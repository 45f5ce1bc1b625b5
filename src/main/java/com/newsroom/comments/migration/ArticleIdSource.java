package com.newsroom.comments.migration;

import java.util.Locale;

import com.newsroom.comments.article.ArticleIds;

/**
 * Which field of an exported post or thread becomes the article id, and how any text becomes a valid one:
 * a value that is already a valid article id is kept as it is; otherwise the scheme ({@code https://})
 * is dropped, each run of characters other than letters, digits, '.', '_' and '-' becomes one '-', and
 * leading and trailing '-' go, within 200 characters.
 */
public enum ArticleIdSource {
    /** The post's slug ({@code wp:post_name}); Disqus: the thread's identifier. */
    SLUG,
    /** The post's or thread's link. */
    LINK,
    /** The post's GUID (WordPress only). */
    GUID,
    /** The post's numeric id (WordPress only). */
    POST_ID;

    public static ArticleIdSource parse(String value) {
        if (value == null || value.isBlank()) {
            return SLUG;
        }
        for (ArticleIdSource source : values()) {
            if (source.name().equalsIgnoreCase(value.strip()) || source.name().replace("_", "").equalsIgnoreCase(value.strip())) {
                return source;
            }
        }
        return null;
    }

    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code value} as an article id, or null when nothing of it is left. */
    public static String toArticleId(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (ArticleIds.isValid(trimmed)) {
            return trimmed;
        }
        String id = trimmed.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "")
                .replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        if (id.length() > 200) {
            id = id.substring(0, 200).replaceAll("-+$", "");
        }
        return id.isEmpty() ? null : id;
    }
}
