package com.newsroom.comments.migration;

import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import com.newsroom.comments.article.ArticleIds;
import com.newsroom.comments.audit.AuditLog;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.store.CommentExport;
import com.newsroom.comments.common.Actors;
import com.newsroom.comments.common.OpenApiDocs;
import com.newsroom.comments.moderator.Moderator;
import com.newsroom.comments.problem.ApiException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** The full export (a backup), restored by {@code POST /api/moderation/imports/backup}. Admins only. */
@Path("/api/moderation/export")
@RolesAllowed(Moderator.ROLE_ADMIN)
@Tag(name = "Migration")
@SecurityRequirement(name = OpenApiDocs.SESSION)
@SecurityRequirement(name = OpenApiDocs.BASIC)
@SecurityRequirement(name = OpenApiDocs.BEARER)
public class ExportResource {

    static final String NDJSON = "application/x-ndjson";
    private static final Logger LOG = Logger.getLogger(ExportResource.class);

    static final String EXAMPLE = """
            {"type":"backup","format":"comments-backup","version":1,"exportedAt":"2026-12-05T12:00:00Z","articleId":null,"status":null,"from":null,"to":null}
            {"type":"article","id":"budget-2026","commentsOpen":true,"closesAt":null,"closeAfterDays":14,"premoderate":false,"publishedAt":null,"createdAt":"2026-12-01T10:00:00Z","updatedAt":"2026-12-01T10:00:00Z","version":0}
            {"type":"comment","id":51,"articleId":"budget-2026","parentId":null,"name":"Ali","email":"ali@example.com","website":null,"text":"Was there a bribe?","status":"APPROVED","ipAddress":"203.0.113.7","userAgent":"Mozilla/5.0","dedupKey":"9f2c...","moderatedBy":"admin","moderatedAt":"2026-12-01T10:05:00Z","createdAt":"2026-12-01T10:00:00Z","updatedAt":"2026-12-01T10:05:00Z","version":1,"importSource":null,"importId":null,"reasons":[{"ruleId":3,"ruleType":"TERMS","field":"text","match":"bribe","start":14,"end":19,"action":"HOLD","detail":null}]}
            {"type":"report","id":4,"commentId":51,"articleId":"budget-2026","reporter":"email:zeynep@example.com","email":"zeynep@example.com","ipAddress":"198.51.100.4","reason":"ABUSE","note":null,"createdAt":"2026-12-01T11:00:00Z","resolvedAt":null,"resolvedBy":null,"resolution":null}
            {"type":"end","articles":1,"comments":1,"reports":1}""";

    private final BackupExport export;
    private final AuditLog audit;

    public ExportResource(BackupExport export, AuditLog audit) {
        this.export = export;
        this.audit = audit;
    }

    @GET
    @Produces(NDJSON)
    @Operation(summary = "Export every comment with its moderation data (a backup)", description = """
            NDJSON, streamed from one consistent snapshot of the database in bounded memory: a header line, the \
            articles with their settings, the comments with every field (statuses, moderators' decisions, reasons, \
            addresses, user agents, import sources), readers' reports, and an end line with the counts (a file \
            without it was cut off). Filters select comments and their reports; articles are all exported unless \
            articleId is given. POST the file to /api/moderation/imports/backup to restore it. Recorded in the \
            audit log.""")
    @APIResponse(responseCode = "200", description = "The backup, one JSON object a line",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=comments-backup.ndjson"),
            content = @Content(mediaType = NDJSON, examples = @ExampleObject(name = "backup", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A bad article id, status or date (field errors)")
    @APIResponse(responseCode = "401", description = "Not signed in (WWW-Authenticate says how)")
    @APIResponse(responseCode = "403", description = "Signed in without the admin role")
    public Response export(
            @Parameter(description = "Only this article", example = "budget-2026") @QueryParam("articleId") String articleId,
            @Parameter(description = "Only comments of this status", schema = @Schema(enumeration = { "APPROVED", "PENDING", "SPAM",
                    "REJECTED" })) @QueryParam("status") String status,
            @Parameter(description = "Only comments created at or after this instant (ISO-8601)", example = "2026-01-01T00:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "Only comments created before this instant (ISO-8601)", example = "2027-01-01T00:00:00Z")
            @QueryParam("to") String to,
            @Context SecurityContext security) {
        if (articleId != null && !ArticleIds.isValid(articleId)) {
            throw ApiException.invalidField("articleId", "Not a valid article id.");
        }
        CommentExport.Filter filter = new CommentExport.Filter(articleId, status(status), instant("from", from), instant("to", to));
        String actor = Actors.of(security);
        StreamingOutput body = out -> {
            try {
                export.write(filter, out);
            } catch (SQLException e) {
                // The answer has begun: cutting it off leaves a file without its end line, which no restore takes.
                LOG.errorf(e, "The export for %s broke off", actor);
                throw new UncheckedIOException(new java.io.IOException("The export broke off: " + e.getMessage(), e));
            }
            QuarkusTransaction.requiringNew().run(() -> audit.record(new AuditLog.Event(actor, "EXPORT", null, articleId, null,
                    null, null, null, "Exported a backup (articleId=" + articleId + " status=" + status + " from=" + from
                            + " to=" + to + ")"), Instant.now()));
        };
        return Response.ok(body, NDJSON).header("Content-Disposition", "attachment; filename=comments-backup.ndjson").build();
    }

    private static CommentStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (CommentStatus status : CommentStatus.values()) {
            if (status.name().equalsIgnoreCase(value.strip())) {
                return status;
            }
        }
        throw ApiException.invalidField("status", "status must be APPROVED, PENDING, SPAM or REJECTED.");
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, field + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z.");
        }
    }
}
