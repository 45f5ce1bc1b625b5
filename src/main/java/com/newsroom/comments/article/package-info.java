/**
 * Articles that have comments: their comment settings (open, closing, premoderated), the moderators'
 * API for them, and the SQL that the comment write path runs on the article table. An article needs no
 * registration: its first comment or setting creates it. Called by the comment write path, moderation
 * (the dry run) and moderators.
 */
package com.newsroom.comments.article;
