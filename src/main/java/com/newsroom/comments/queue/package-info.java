/**
 * The moderator workspace: the queue and one comment with its history, decisions (approve, hold, spam,
 * reject, restore; bulk, all or nothing), edits, deletion, an author's erasure, counts, and the nightly
 * spam purge. Each change and its audit entry commit together, checked against the comment's version.
 */
package com.newsroom.comments.queue;
