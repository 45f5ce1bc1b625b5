/**
 * The moderator workspace: the queue (with readers' open reports, filtered and sorted by them) and one
 * comment with its history, decisions (approve, hold, spam, reject, restore; bulk, all or nothing; a
 * decision resolves the comment's reports), a comment's reports and their dismissal (through
 * {@code report}), edits, deletion, an author's erasure, counts, and the nightly spam purge. Each change
 * and its audit entry commit together, checked against the comment's version.
 */
package com.newsroom.comments.queue;
