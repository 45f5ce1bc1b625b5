/**
 * Events out of the service: their types ({@link EventType}) and the transactional outbox
 * ({@link Outbox}). Every event is written in the transaction of the change that caused it, so a change
 * and its event commit or roll back together. Written by the comment write path (inside its batch
 * statement), the moderator workspace and article settings; read by {@code webhook}, which delivers them.
 */
package com.newsroom.comments.event;
