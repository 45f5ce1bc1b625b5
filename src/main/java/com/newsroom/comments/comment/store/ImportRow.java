package com.newsroom.comments.comment.store;

import com.newsroom.comments.comment.Comment;

/**
 * One comment of an import or a restore, as {@link CommentImports} inserts it.
 *
 * @param comment the comment; its id and parent are set by an import, kept by a restore
 * @param importSource where it came from ({@code wordpress:https://blog.example}), or null
 * @param importId its id there, or null
 * @param parentImportId the id there of the comment it replies to, or null (imports only)
 */
public record ImportRow(Comment comment, String importSource, String importId, String parentImportId) {
}
