package com.newsroom.comments.notification;

import java.util.List;

/**
 * One comment in a digest: what a moderator needs to decide whether to open it.
 *
 * @param state "held" or "published, reported"
 * @param why   why it waits: the rules that held it, who held it, readers' open reports
 * @param fresh it began waiting since the moderator's last digest
 * @param link  the comment in the moderation console
 */
public record WaitingComment(long id, String articleId, String author, String state, String excerpt, List<String> why,
        boolean fresh, String link) {
}
