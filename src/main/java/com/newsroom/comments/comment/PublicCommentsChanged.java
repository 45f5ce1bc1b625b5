package com.newsroom.comments.comment;

/**
 * Fired inside a transaction that changes what readers see of an article's comments (or after the
 * commit, by the comment writer); observed after a successful commit, by this instance's page cache
 * and by the channel that tells the other instances (package {@code comment.pages}). A null article id
 * means any article.
 */
public record PublicCommentsChanged(String articleId) {

    public static final PublicCommentsChanged ALL = new PublicCommentsChanged(null);
}
