/**
 * Moving comments in and out: imports of WordPress (WXR) and Disqus exports, and restores of this
 * service's own backups (NDJSON, {@link com.newsroom.comments.migration.ExportResource}), run in the background into
 * one transaction each (nothing kept of a file that fails), idempotent by source and original id,
 * outside the submission path's flood and duplicate checks; their progress as jobs any instance
 * answers. XML is read as a stream with every DTD refused. Called by admins through
 * {@link com.newsroom.comments.migration.ImportResource}; inserts through {@code comment.store}. Also
 * an author's data on request ({@link com.newsroom.comments.migration.AuthorExport}), for moderators.
 */
package com.newsroom.comments.migration;
