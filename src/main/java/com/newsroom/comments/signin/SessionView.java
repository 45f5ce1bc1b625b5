package com.newsroom.comments.signin;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who is signed in, with which roles, and (for a session) when it ends unless used again. */
@Schema(name = "Session")
public record SessionView(@Schema(example = "ayse") String username,
        @Schema(example = "[\"moderator\"]") List<String> roles,
        @Schema(description = "The session's end: its idle timeout from now, or its absolute lifetime, the earlier; "
                + "null for HTTP Basic and bearer tokens", example = "2026-12-05T09:30:00Z") Instant expiresAt) {
}
