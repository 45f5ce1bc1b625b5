package com.newsroom.comments.moderator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new moderator account, or the fields to change (absent fields stay as they are). */
@Schema(name = "ModeratorRequest")
public record ModeratorRequest(
        @Schema(example = "ayse") String username,
        @Schema(description = "At least 12 characters; stored as a bcrypt hash", example = "a long pass phrase") String password,
        @Schema(enumeration = { "moderator", "admin" }, example = "moderator") String role,
        Boolean enabled,
        @Schema(description = "Where the digest of waiting comments goes; \"\" removes it", example = "ayse@news.example.com") String email,
        @Schema(description = "E-mail digest of the comments waiting for moderators (needs an e-mail address)") Boolean digest) {

    public ModeratorRequest(String username, String password, String role, Boolean enabled) {
        this(username, password, role, enabled, null, null);
    }
}
