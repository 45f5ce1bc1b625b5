/**
 * The public comment API that article pages call: submit a comment (JSON or a plain form, parsed by
 * {@code common.FormFields} with the same limits as JSON, with its redirect policy) and read the published ones. A submission is validated and moderated on the event
 * loop that read it, then handed to the write path ({@code comment.store}); reads come from the page
 * cache ({@code comment.pages}). Thin resource, the flow in {@link CommentService}.
 */
package com.newsroom.comments.comment.api;
