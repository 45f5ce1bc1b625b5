package com.newsroom.comments.comment;

/**
 * Fired inside a transaction that changes what readers see of an article's comments; observed after
 * a successful commit. A null article id means any article.
 */
public record PublicCommentsChanged(String articleId) {

    public static final PublicCommentsChanged ALL = new PublicCommentsChanged(null);
}
