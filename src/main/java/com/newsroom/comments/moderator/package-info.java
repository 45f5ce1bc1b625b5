/**
 * Moderator accounts and sign-in: HTTP Basic against bcrypt hashes (an {@code IdentityProvider}) with
 * lock-out after repeated failures, bearer tokens from single sign-on (by configuration), the roles,
 * the accounts API and the first admin from configuration. Neither a password nor its hash is ever
 * logged or returned.
 */
package com.newsroom.comments.moderator;
