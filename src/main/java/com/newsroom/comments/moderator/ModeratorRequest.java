package com.newsroom.comments.moderator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new moderator account, or the fields to change (absent fields stay as they are). */
@Schema(name = "ModeratorRequest")
public record ModeratorRequest(
        @Schema(example = "ayse") String username,
        @Schema(description = "At least 12 characters; stored as a bcrypt hash", example = "a long pass phrase") String password,
        @Schema(enumeration = { "moderator", "admin" }, example = "moderator") String role,
        Boolean enabled) {
}
