/**
 * Readers' reports on published comments: the public report API (JSON or a plain form), flood control
 * per reporter, the policy that counts reporters and the return of a reported comment to the queue (with
 * its audit entry, and gone from readers' cached pages on every instance), the metrics, and the
 * moderators' side (a comment's reports, dismissal, resolution when a moderator decides, a reporter's
 * erasure). Called by article pages and by the moderator workspace ({@code queue}).
 */
package com.newsroom.comments.report;
