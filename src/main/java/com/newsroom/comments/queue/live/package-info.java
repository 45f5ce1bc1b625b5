/**
 * The moderators' live feed: {@code GET /api/moderation/events}, server-sent events of comments held on arrival,
 * reported by readers and decided (or edited, deleted) by moderators, so that an open console shows them without
 * a reload. Each instance sends its own events to its subscribers after their commit and relays them to the
 * other instances through the public pages' LISTEN/NOTIFY connection ({@code comment.pages.PublicPagesChannel});
 * what may have been lost in between is announced as a {@code resync}. Called by the console (views/queue.js).
 */
package com.newsroom.comments.queue.live;
