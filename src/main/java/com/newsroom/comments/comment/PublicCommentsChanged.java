package com.newsroom.comments.comment;

/**
 * Fired inside a transaction that changes what readers see of an article's comments (or after the
 * commit, by the comment writer); observed after a successful commit, by this instance's page cache
 * and by the channel that tells the other instances (package {@code comment.pages}). A null article id
 * means any article.
 *
 * @param added the change only adds approved comments: the page cache may show it within its freshness
 *        window ({@code comments.public-cache.freshness}) instead of at once; a removal or an edit is never
 *        {@code added}
 */
public record PublicCommentsChanged(String articleId, boolean added) {

    public static final PublicCommentsChanged ALL = new PublicCommentsChanged(null);

    /** A change readers must see at once (a removal, an edit, a moderator's decision). */
    public PublicCommentsChanged(String articleId) {
        this(articleId, false);
    }

    /** New approved comments and nothing else. */
    public static PublicCommentsChanged added(String articleId) {
        return new PublicCommentsChanged(articleId, true);
    }
}
