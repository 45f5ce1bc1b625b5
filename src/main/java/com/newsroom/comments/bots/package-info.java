/**
 * Defences against bots, run on every submission before moderation, without the database: the
 * honeypot field (spam), the signed form token's time trap (held; forged is a 400) and the ALTCHA
 * proof of work (off, required or adaptive), whose solutions alone are remembered in PostgreSQL so that
 * each is used once. Owns the form-token and challenge endpoints and the bot metrics. Called by the
 * comment API ({@code comment.api}) and the dry run ({@code moderation}).
 */
package com.newsroom.comments.bots;
