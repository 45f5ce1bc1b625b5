package com.newsroom.comments.signin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A signed-in moderator's new password, with the current one as proof. */
@Schema(name = "PasswordChangeRequest")
public record PasswordChangeRequest(@Schema(example = "the old pass phrase") String currentPassword,
        @Schema(description = "At least 12 characters, at most 72 bytes, not one of the most common passwords",
                example = "a new and longer pass phrase") String newPassword) {
}
