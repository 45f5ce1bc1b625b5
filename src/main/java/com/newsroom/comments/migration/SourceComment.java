package com.newsroom.comments.migration;

import java.time.Instant;

import com.newsroom.comments.comment.CommentStatus;

/**
 * One comment as another system exported it, mapped to this service's terms.
 *
 * @param articleId the article it belongs to (a valid article id)
 * @param id its id in the source
 * @param parentId the source id of the comment it replies to, or null
 * @param email lower-cased, or null
 * @param line where it starts in the file
 */
public record SourceComment(String articleId, String id, String parentId, String name, String email, String website,
        String ipAddress, Instant createdAt, String text, CommentStatus status, int line) {
}
