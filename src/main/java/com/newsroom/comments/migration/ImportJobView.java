package com.newsroom.comments.migration;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import as the API shows it. */
@Schema(name = "ImportJob", description = "An import running in the background, or its outcome")
public record ImportJobView(
        @Schema(example = "7") long id,
        @Schema(enumeration = { "wordpress", "disqus", "backup" }, example = "wordpress") String kind,
        @Schema(description = "RECEIVED while the file arrives, RUNNING, then SUCCEEDED or FAILED (nothing kept)",
                example = "RUNNING") ImportJob.State state,
        @Schema(description = "Share of the file read, 0 to 100", example = "42.5") double progress,
        @Schema(example = "10485760") long bytesTotal,
        @Schema(example = "4456448") long bytesRead,
        ImportCounts counts,
        @Schema(description = "The first 100 entries that could not be imported") List<ImportCounts.Error> errors,
        @Schema(description = "Why the import failed", example = "Not a well-formed XML file: XML document structures must start and end within the same entity. (line 2817)")
        String message,
        @Schema(example = "articleId=slug moderate=false") String options,
        @Schema(example = "admin") String actor,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt) {
}
