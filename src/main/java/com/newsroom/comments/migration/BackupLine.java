package com.newsroom.comments.migration;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The lines of a backup file (NDJSON, one JSON object a line, told apart by {@code type}): a
 * {@link Header}, the {@link Article}s, the {@link Comment}s with their reasons, the {@link Report}s,
 * and an {@link End} with the counts, so that a file cut at a line's end is still found truncated.
 * Every field is written, null or not, in a fixed order: the same data always gives the same bytes.
 */
final class BackupLine {

    static final String FORMAT = "comments-backup";
    static final int VERSION = 1;

    private BackupLine() {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "type", "format", "version", "exportedAt", "articleId", "status", "from", "to" })
    record Header(String type, String format, int version, Instant exportedAt, String articleId, String status, Instant from,
            Instant to) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "type", "id", "commentsOpen", "closesAt", "closeAfterDays", "premoderate", "publishedAt", "createdAt",
            "updatedAt", "version" })
    record Article(String type, String id, boolean commentsOpen, Instant closesAt, Integer closeAfterDays, boolean premoderate,
            Instant publishedAt, Instant createdAt, Instant updatedAt, long version) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "type", "id", "articleId", "parentId", "name", "email", "website", "text", "status", "ipAddress",
            "userAgent", "dedupKey", "moderatedBy", "moderatedAt", "createdAt", "updatedAt", "version", "importSource",
            "importId", "reasons" })
    record Comment(String type, long id, String articleId, Long parentId, String name, String email, String website, String text,
            String status, String ipAddress, String userAgent, String dedupKey, String moderatedBy, Instant moderatedAt,
            Instant createdAt, Instant updatedAt, long version, String importSource, String importId, List<Reason> reasons) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "ruleId", "ruleType", "field", "match", "start", "end", "action", "detail" })
    record Reason(Long ruleId, String ruleType, String field, String match, Integer start, Integer end, String action,
            String detail) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "type", "id", "commentId", "articleId", "reporter", "email", "ipAddress", "reason", "note", "createdAt",
            "resolvedAt", "resolvedBy", "resolution" })
    record Report(String type, long id, long commentId, String articleId, String reporter, String email, String ipAddress,
            String reason, String note, Instant createdAt, Instant resolvedAt, String resolvedBy, String resolution) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "type", "articles", "comments", "reports" })
    record End(String type, long articles, long comments, long reports) {
    }
}
