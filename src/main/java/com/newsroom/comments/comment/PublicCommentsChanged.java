package com.newsroom.comments.comment;

/**
 * Fired inside a transaction that changes what readers see of an article's comments; observed after
 * a successful commit. A null article id means any article.
 *
 * @param announced true when the change was announced to the other instances already (the comment
 *        writer sends one NOTIFY for a whole batch) and is fired after the commit, for this instance only
 */
public record PublicCommentsChanged(String articleId, boolean announced) {

    public static final PublicCommentsChanged ALL = new PublicCommentsChanged(null);

    public PublicCommentsChanged(String articleId) {
        this(articleId, false);
    }
}
