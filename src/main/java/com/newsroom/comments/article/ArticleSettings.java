package com.newsroom.comments.article;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article's comment settings; absent fields keep their current value, {@code clear} removes one. */
@Schema(name = "ArticleSettings")
public record ArticleSettings(
        @Schema(description = "Open or close comments", example = "true") Boolean commentsOpen,
        @Schema(description = "Close comments at this instant", example = "2026-12-31T23:00:00Z") Instant closesAt,
        @Schema(description = "Close comments this many days after publication (or the first comment)", example = "14") Integer closeAfterDays,
        @Schema(description = "Hold every comment for a moderator", example = "false") Boolean premoderate,
        @Schema(description = "When the article was published", example = "2026-11-20T08:00:00Z") Instant publishedAt,
        @Schema(description = "Settings to remove: closesAt, closeAfterDays, publishedAt (applied before the values sent)",
                example = "[\"closesAt\", \"closeAfterDays\"]") List<String> clear) {

    /** The settings {@code clear} may name. */
    static final List<String> CLEARABLE = List.of("closesAt", "closeAfterDays", "publishedAt");

    public ArticleSettings(Boolean commentsOpen, Instant closesAt, Integer closeAfterDays, Boolean premoderate,
            Instant publishedAt) {
        this(commentsOpen, closesAt, closeAfterDays, premoderate, publishedAt, null);
    }
}
