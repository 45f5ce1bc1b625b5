package com.newsroom.comments.signin;

import java.util.Map;
import java.util.Set;

import com.newsroom.comments.moderator.Moderator;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Security identities of moderator accounts: admins are moderators too. */
final class Identities {

    /** Set on identities signed in by session: the session's end ({@link java.time.Instant}). */
    static final String EXPIRES_AT = "session.expires-at";
    /** Set on identities signed in by session: the SHA-256 of its token ({@code byte[]}). */
    static final String TOKEN_HASH = "session.token-hash";

    private Identities() {
    }

    static SecurityIdentity of(String username, String role, Map<String, Object> attributes) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRoles(Moderator.ROLE_ADMIN.equals(role) ? Set.of(Moderator.ROLE_ADMIN, Moderator.ROLE_MODERATOR)
                        : Set.of(Moderator.ROLE_MODERATOR));
        attributes.forEach(builder::addAttribute);
        return builder.build();
    }
}
