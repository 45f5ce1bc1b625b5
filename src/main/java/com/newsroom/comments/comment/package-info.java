/**
 * The comment itself: the entity and its status, the reasons moderation gives, the submission as a
 * reader sends it and its validation, the approved counts, and the events that a change readers can see
 * ({@link PublicCommentsChanged}) or moderators should see at once ({@link QueueActivity}) has committed. No HTTP and no write path here: {@code comment.api}, {@code comment.store},
 * {@code comment.pages} and the moderator workspace build on it.
 */
package com.newsroom.comments.comment;
