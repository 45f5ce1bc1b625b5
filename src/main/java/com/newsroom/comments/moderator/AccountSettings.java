package com.newsroom.comments.moderator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A moderator's own notification settings; absent fields stay as they are. */
@Schema(name = "AccountSettings")
public record AccountSettings(
        @Schema(description = "Where the digest goes; \"\" removes it (and needs the digest off)", example = "ayse@news.example.com") String email,
        @Schema(description = "Receive the e-mail digest of comments waiting for moderators", example = "true") Boolean digest) {
}
