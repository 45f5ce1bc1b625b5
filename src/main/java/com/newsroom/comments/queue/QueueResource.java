package com.newsroom.comments.queue;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.common.Actors;
import com.newsroom.comments.common.OpenApiDocs;
import com.newsroom.comments.common.PagedList;
import com.newsroom.comments.common.Paging;
import com.newsroom.comments.common.QueryParams;
import com.newsroom.comments.moderation.rule.ActiveRules;
import com.newsroom.comments.moderator.Moderator;
import com.newsroom.comments.problem.ApiException;
import com.newsroom.comments.report.ReportDesk;
import com.newsroom.comments.report.ReportView;

/** The moderation queue and the decisions on comments. */
@Path("/api/moderation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Moderator.ROLE_MODERATOR, Moderator.ROLE_ADMIN })
@Tag(name = "Queue")
@SecurityRequirement(name = OpenApiDocs.SESSION)
@SecurityRequirement(name = OpenApiDocs.BASIC)
@SecurityRequirement(name = OpenApiDocs.BEARER)
@APIResponse(responseCode = "401", description = "Not signed in (WWW-Authenticate says how)")
@APIResponse(responseCode = "403", description = "Signed in without the moderator role")
public class QueueResource {

    private final ModerationQueue queue;
    private final CommentModeration moderation;
    private final ActiveRules activeRules;
    private final ObjectMapper json;
    private final ReportDesk reports;

    public QueueResource(ModerationQueue queue, CommentModeration moderation, ActiveRules activeRules, ObjectMapper json,
            ReportDesk reports) {
        this.reports = reports;
        this.queue = queue;
        this.moderation = moderation;
        this.activeRules = activeRules;
        this.json = json;
    }

    @GET
    @Path("comments")
    @Operation(summary = "The moderation queue", description = """
            Pending comments oldest first by default; filter by status, article, author, IP, text and date. \
            With reported=true, the comments with open reports from readers, of any status unless one is given; \
            sort=reports puts the most reported first. Each comment carries its open reports.""")
    @APIResponse(responseCode = "200", description = "A page of comments with everything moderators see")
    @APIResponse(responseCode = "400", description = "Malformed filter")
    public PagedList<ModeratedComment> list(
            @Parameter(description = "PENDING by default; any status with reported=true",
                    schema = @Schema(enumeration = { "PENDING", "APPROVED", "SPAM", "REJECTED" })) @QueryParam("status") String status,
            @Parameter(example = "budget-2026") @QueryParam("articleId") String articleId,
            @Parameter(description = "Author e-mail") @QueryParam("email") String email,
            @Parameter(description = "Submitter IP address") @QueryParam("ip") String ip,
            @Parameter(description = "Words in the name or text") @QueryParam("q") String text,
            @Parameter(description = "Created at or after (ISO-8601)", example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = "Created before (ISO-8601)", example = "2026-12-01") @QueryParam("to") String to,
            @Parameter(description = "Only comments with open reports from readers", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("reported") String reported,
            @Parameter(description = "reports: most open reports first", schema = @Schema(enumeration = { "oldest", "newest", "reports" }, defaultValue = "oldest"))
            @QueryParam("sort") String sort,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", maximum = "100")) @QueryParam("size") String size) {
        Paging paging = Paging.parse(page, size, 20);
        ModerationQueue.Order order = sort == null || sort.isBlank() ? ModerationQueue.Order.OLDEST : switch (sort.strip()) {
            case "oldest" -> ModerationQueue.Order.OLDEST;
            case "newest" -> ModerationQueue.Order.NEWEST;
            case "reports" -> ModerationQueue.Order.REPORTS;
            default -> throw ApiException.invalidField("sort", "sort must be 'oldest', 'newest' or 'reports'.");
        };
        boolean onlyReported = parseBoolean("reported", reported);
        ModerationQueue.Filter filter = new ModerationQueue.Filter(
                QueryParams.enumValue("status", status, CommentStatus.class, onlyReported ? null : CommentStatus.PENDING),
                blankToNull(articleId), blankToNull(email), blankToNull(ip), text,
                QueryParams.instant("from", from), QueryParams.instant("to", to), onlyReported, order);
        return queue.search(filter, paging.page(), paging.size());
    }

    @GET
    @Path("comments/{id}")
    @Operation(summary = "One comment with its parent, replies, author's comments and full history", description = """
            Besides the queue's fields: the replied-to comment (parent), the direct replies (replies, oldest \
            first, at most 50), the author's comments (author: found by e-mail, else by IP address; counts per \
            status, this one included, and the 20 newest others) and every audit entry of the comment (history, \
            oldest first; an edit keeps the text before it as previousText).""")
    @APIResponse(responseCode = "200", description = "The comment; the ETag header carries its version",
            headers = @Header(name = "ETag", description = "The comment's version, for If-Match"),
            content = @Content(schema = @Schema(implementation = ModeratedComment.class)))
    @APIResponse(responseCode = "404", description = "No such comment")
    public Response get(@PathParam("id") long id) {
        ModeratedComment comment = queue.detail(id);
        return Response.ok(comment).header(HttpHeaders.ETAG, comment.etag()).build();
    }

    @POST
    @Path("comments/{id}/{action: approve|hold|spam|reject|restore}")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionRequest.class), examples = @ExampleObject(name = "note", value = """
                    {"note": "Off-topic advertising", "blockAuthor": true}""")))
    @Operation(summary = "Approve, hold, mark as spam, reject or restore a comment", description = """
            With If-Match (the ETag from a read), a comment changed meanwhile by someone else gives 412. \
            Approving makes the author trusted; spam with blockAuthor also blocks the author's e-mail and IP.""")
    @APIResponse(responseCode = "200", description = "The comment after the decision, with its new ETag",
            headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = ModeratedComment.class)))
    @APIResponse(responseCode = "404", description = "No such comment")
    @APIResponse(responseCode = "409", description = "Not restorable, or changed at the same moment by another moderator")
    @APIResponse(responseCode = "412", description = "If-Match does not match the comment's version")
    public Response decide(@PathParam("id") long id, @PathParam("action") String action,
            @Parameter(description = "The ETag you read", example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            String body, @Context SecurityContext security) throws JsonProcessingException {
        // The body is optional, and clients without one often send no (or any) Content-Type.
        DecisionRequest request = body == null || body.isBlank() ? null : json.readValue(body, DecisionRequest.class);
        CommentModeration.Decided decided = moderation.decide(id, CommentModeration.parseAction(action), request,
                expectedVersion(ifMatch), Actors.of(security));
        if (decided.rulesChanged()) {
            activeRules.reload();
        }
        return Response.ok(decided.comment()).header(HttpHeaders.ETAG, decided.comment().etag()).build();
    }

    @POST
    @Path("comments/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same decision on many comments", description = "All or nothing: any unknown id or impossible change leaves every comment unchanged.")
    @APIResponse(responseCode = "200", description = "What changed", content = @Content(schema = @Schema(implementation = BulkReport.class),
            examples = @ExampleObject(name = "report", value = """
                    {"action": "approve", "changed": [{"id": 51, "fromStatus": "PENDING", "toStatus": "APPROVED", "version": 2}], "unchanged": [52]}""")))
    @APIResponse(responseCode = "400", description = "No ids, too many, or unknown action")
    @APIResponse(responseCode = "404", description = "An id does not exist; nothing changed")
    @APIResponse(responseCode = "409", description = "A comment cannot take this decision; nothing changed")
    public BulkReport bulk(BulkRequest request, @Context SecurityContext security) {
        return moderation.bulk(request, Actors.of(security));
    }

    @PATCH
    @Path("comments/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a comment's text", description = "The original text stays in the comment's history.")
    @APIResponse(responseCode = "200", description = "The edited comment", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ModeratedComment.class)))
    @APIResponse(responseCode = "400", description = "Empty or too long text")
    @APIResponse(responseCode = "404", description = "No such comment")
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    public Response edit(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            EditRequest request, @Context SecurityContext security) {
        ModeratedComment comment = moderation.edit(id, request, expectedVersion(ifMatch), Actors.of(security));
        return Response.ok(comment).header(HttpHeaders.ETAG, comment.etag()).build();
    }

    @DELETE
    @Path("comments/{id}")
    @Operation(summary = "Delete a comment for good", description = "Replies stay readable; the audit log keeps the action.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such comment")
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    public void delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        moderation.delete(id, expectedVersion(ifMatch), Actors.of(security));
    }

    @Schema(name = "Erasure")
    public record Erasure(@Schema(example = "3") int erasedComments) {
    }

    @DELETE
    @Path("authors/{email}")
    @Operation(summary = "Erase everything stored about an author", description = """
            Deletes every comment by this e-mail address (replies by others stay) and the texts the audit log \
            kept of them, for privacy requests.""")
    @APIResponse(responseCode = "200", description = "How many comments were erased", content = @Content(schema = @Schema(implementation = Erasure.class)))
    @APIResponse(responseCode = "400", description = "Not an e-mail address")
    public Erasure eraseAuthor(@PathParam("email") String email, @Context SecurityContext security) {
        return new Erasure(moderation.eraseAuthor(email, Actors.of(security)));
    }

    @GET
    @Path("stats")
    @Operation(summary = "Counts per status, overall and per article")
    @APIResponse(responseCode = "200", description = "The counts", content = @Content(schema = @Schema(implementation = ModerationQueue.Stats.class)))
    public ModerationQueue.Stats stats(@Parameter(description = "Only this article") @QueryParam("articleId") String articleId) {
        return queue.stats(blankToNull(articleId));
    }

    @GET
    @Path("comments/{id}/reports")
    @Tag(name = "Reports")
    @Operation(summary = "A comment's reports from readers", description = "Open and resolved, oldest first, with the reporters' e-mails and addresses.")
    @APIResponse(responseCode = "200", description = "The reports", content = @Content(
            schema = @Schema(implementation = ReportView.class, type = SchemaType.ARRAY), examples = @ExampleObject(name = "reports", value = """
                    [{"id": 7, "reason": "ABUSE", "note": "This threatens the person named in the article.", "email": "reader@example.com",
                      "ipAddress": "203.0.113.7", "createdAt": "2026-12-05T07:12:00Z"},
                     {"id": 9, "reason": "SPAM", "ipAddress": "198.51.100.4", "createdAt": "2026-11-30T10:00:00Z",
                      "resolvedAt": "2026-11-30T11:00:00Z", "resolvedBy": "ayse", "resolution": "DISMISSED"}]""")))
    @APIResponse(responseCode = "404", description = "No such comment")
    public List<ReportView> reports(@PathParam("id") long id) {
        return reports.forComment(id);
    }

    @POST
    @Path("comments/{id}/reports/dismiss")
    @Consumes(MediaType.WILDCARD)
    @Tag(name = "Reports")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionRequest.class), examples = @ExampleObject(name = "note", value = """
                    {"note": "Robust, but within the rules"}""")))
    @Operation(summary = "Dismiss a comment's open reports", description = """
            The reports are resolved and no longer count; the comment stays as it is (a hidden one stays in the \
            queue until a decision), and their reporters cannot report it again. Written to the audit log.""")
    @APIResponse(responseCode = "200", description = "How many open reports were dismissed",
            content = @Content(schema = @Schema(implementation = ReportDesk.Dismissed.class),
                    examples = @ExampleObject(name = "dismissed", value = "{\"commentId\": 51, \"dismissed\": 3}")))
    @APIResponse(responseCode = "400", description = "Malformed body or note too long")
    @APIResponse(responseCode = "404", description = "No such comment")
    public ReportDesk.Dismissed dismiss(@PathParam("id") long id, String body, @Context SecurityContext security)
            throws JsonProcessingException {
        DecisionRequest request = body == null || body.isBlank() ? null : json.readValue(body, DecisionRequest.class);
        return reports.dismiss(id, request == null ? null : request.note(), Actors.of(security));
    }

    private static boolean parseBoolean(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalidField(name, name + " must be true or false.");
        };
    }

    /** Accepts {@code "3"}, {@code W/"3"} and {@code 3}; anything else cannot match a version. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.preconditionFailed("If-Match must be an ETag this service sent, such as \"3\".");
        }
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
