package com.newsroom.comments.migration;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import has done so far: kept as JSON in its job and answered as it is. */
@Schema(description = "What an import has done so far")
public class ImportCounts {

    /** An entry of the file that was not imported, and where it starts. */
    public record Error(@Schema(example = "1042") int line,
            @Schema(example = "Comment 17: no valid wp:comment_date_gmt or wp:comment_date") String message) {
    }

    @Schema(description = "Articles with imported comments", example = "12")
    public long articles;

    @Schema(description = "Comments stored, by status", example = "{\"APPROVED\": 310, \"PENDING\": 4, \"SPAM\": 55, \"REJECTED\": 2}")
    public Map<String, Long> comments = new TreeMap<>();

    @Schema(description = "Comments found already stored by an earlier import of the same source (not changed)", example = "0")
    public long alreadyImported;

    @Schema(description = "Entries deliberately left out, by kind (pingback, trackback, deleted...)", example = "{\"pingback\": 7}")
    public Map<String, Long> skipped = new TreeMap<>();

    @Schema(description = "Replies whose parent was in none of the imported data: kept as top-level comments", example = "0")
    public long orphans;

    @Schema(description = "Readers' reports restored (restores only)", example = "0")
    public long reports;

    @Schema(description = "Entries that could not be imported (see errors)", example = "1")
    public long errors;
}
