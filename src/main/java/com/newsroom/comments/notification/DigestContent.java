package com.newsroom.comments.notification;

import java.util.List;

/**
 * What one digest says, ready for its templates ({@code templates/digest/}).
 *
 * @param summary  one sentence: how many comments wait, how many are new since the last digest
 * @param moreLine how many waiting comments the digest does not list; null when it lists them all
 */
public record DigestContent(String username, String subject, String summary, List<WaitingComment> comments,
        String moreLine, String queueLink) {

    /**
     * @param total    comments waiting
     * @param newCount of which began waiting since the last digest
     * @param first    this is the moderator's first digest (nothing is "new" then)
     */
    static DigestContent of(String username, List<WaitingComment> listed, long total, long newCount, boolean first,
            String queueLink) {
        String waiting = total == 1 ? "1 comment is waiting" : total + " comments are waiting";
        String news = first || newCount == 0 ? "" : ", " + newCount + " new since your last digest";
        String subject = "Please moderate: " + (total == 1 ? "1 comment" : total + " comments") + " waiting"
                + (first || newCount == 0 ? "" : " (" + newCount + " new)");
        long more = total - listed.size();
        return new DigestContent(username, subject, waiting + " for a moderator" + news + ".", listed,
                more > 0 ? "And " + more + " more in the queue." : null, queueLink);
    }
}
