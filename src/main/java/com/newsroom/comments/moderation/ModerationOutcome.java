package com.newsroom.comments.moderation;

import java.util.List;

import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.ModerationReason;

/** What moderation decided for one comment, and why. */
public record ModerationOutcome(CommentStatus status, List<ModerationReason> reasons) {
}
