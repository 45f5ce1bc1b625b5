package com.newsroom.comments.moderator;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A moderator account as admins see it: never the password or its hash. */
@Schema(name = "Moderator")
public record ModeratorView(String username, String role, boolean enabled,
        @Schema(example = "ayse@news.example.com") String email,
        @Schema(description = "Receives the e-mail digest of waiting comments") boolean digest,
        Instant lastLoginAt, Instant createdAt) {

    static ModeratorView of(Moderator m) {
        return new ModeratorView(m.username, m.role, m.enabled, m.email, m.digest, m.lastLoginAt, m.createdAt);
    }
}
