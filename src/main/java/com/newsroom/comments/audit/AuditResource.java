package com.newsroom.comments.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.newsroom.comments.common.OpenApiDocs;
import com.newsroom.comments.common.PagedList;
import com.newsroom.comments.common.Paging;
import com.newsroom.comments.common.QueryParams;
import com.newsroom.comments.moderator.Moderator;
import com.newsroom.comments.problem.ApiException;

/** The audit log, read-only: there is no endpoint that changes or deletes it. */
@Path("/api/moderation/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Moderator.ROLE_MODERATOR, Moderator.ROLE_ADMIN })
@Tag(name = "Audit")
@SecurityRequirement(name = OpenApiDocs.SESSION)
@SecurityRequirement(name = OpenApiDocs.BASIC)
@SecurityRequirement(name = OpenApiDocs.BEARER)
public class AuditResource {

    private static final Pattern ACTION = Pattern.compile("[A-Z_]{1,64}");

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Search the audit log", description = "Newest first; the filters combine (and).")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    @APIResponse(responseCode = "400", description = "Malformed filter")
    @APIResponse(responseCode = "401", description = "Not signed in")
    public PagedList<AuditView> search(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("commentId") String commentId,
            @Parameter(description = "Who acted: a moderator's username, or REPORTS, SYSTEM...", example = "ayse") @QueryParam("actor") String actor,
            @Parameter(description = "Actions, comma-separated (APPROVE, SPAM, REJECT, HOLD, RESTORE, EDIT, DELETE, "
                    + "ERASE_AUTHOR, ARTICLE_SETTINGS, RULE_CREATE, RULE_UPDATE, RULE_DELETE, SIGN_IN...)",
                    example = "APPROVE,REJECT") @QueryParam("action") String action,
            @Parameter(description = "The article acted on", example = "budget-2026") @QueryParam("articleId") String articleId,
            @Parameter(description = "From (inclusive), ISO-8601", example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = "To (exclusive), ISO-8601", example = "2026-12-01") @QueryParam("to") String to,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", maximum = "100")) @QueryParam("size") String size) {
        Paging paging = Paging.parse(page, size, 20);
        return audit.search(new AuditLog.Filter(QueryParams.id("commentId", commentId), actor, actions(action),
                articleId, QueryParams.instant("from", from), QueryParams.instant("to", to)), paging.page(), paging.size());
    }

    /** Upper-case action names from a comma-separated parameter; unknown names simply match nothing. */
    static List<String> actions(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> actions = new ArrayList<>();
        for (String part : value.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (!name.isEmpty()) {
                if (!ACTION.matcher(name).matches()) {
                    throw ApiException.invalidField("action", "action must be action names such as APPROVE or "
                            + "RULE_UPDATE, separated by commas.");
                }
                actions.add(name);
            }
        }
        return actions;
    }
}
