/**
 * The public page cache: the first pages of each article's approved comments as ready gzipped JSON
 * ({@link PublicPages}), answered before JAX-RS by {@link CachedPageRoute}, evicted after each committed
 * change, and kept in step across instances by LISTEN/NOTIFY ({@link PublicPagesChannel}). It never
 * serves a page read before a removal or an edit it has seen, nor one read longer ago than
 * {@code comments.public-cache.freshness} before new comments it has seen (their author reads around it). Called by {@code comment.api}. Its LISTEN/NOTIFY connection
 * also relays the moderators' live feed between instances ({@link Relayed}; {@code queue.live}).
 */
package com.newsroom.comments.comment.pages;
