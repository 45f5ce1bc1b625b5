/**
 * Readers' languages: the message bundles (one Java properties file per language under {@code i18n/},
 * English the reference every other file translates key for key), and the choice of a request's
 * language ({@code lang} field or query parameter, then {@code Accept-Language}, then
 * {@code comments.default-language}). Plain Java but for the {@link Languages} bean. Used by the
 * {@code problem} package (titles, details, field errors) and by the public resources (success
 * messages, {@code Content-Language}). Moderators' answers stay English and are never translated.
 */
package com.newsroom.comments.i18n;
