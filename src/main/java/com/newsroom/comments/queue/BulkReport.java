package com.newsroom.comments.queue;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a bulk decision changed: all of it, or (on any error) nothing. */
@Schema(name = "BulkReport")
public record BulkReport(String action, List<Change> changed,
        @Schema(description = "Ids already in the target status") List<Long> unchanged) {

    @Schema(name = "BulkChange")
    public record Change(long id, String fromStatus, String toStatus, long version) {
    }
}
