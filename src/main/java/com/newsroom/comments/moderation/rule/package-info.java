/**
 * Moderation rules as data: the entity and its JSON settings, validation before anything is saved, the
 * admins' API, and the compiled rule set in force ({@link ActiveRules}), swapped atomically and
 * reloaded on every instance within {@code comments.rules.refresh-interval} of a change.
 */
package com.newsroom.comments.moderation.rule;
