/**
 * The append-only audit log of moderator actions: written inside the acting transaction (never on its
 * own), read through a read-only API. Nothing updates or deletes an entry, but the erasure of an author,
 * which blanks the texts it kept. Called by the moderator workspace, article settings and rule changes;
 * admins' changes of moderator accounts arrive as events ({@code AccountAudit}).
 */
package com.newsroom.comments.audit;
