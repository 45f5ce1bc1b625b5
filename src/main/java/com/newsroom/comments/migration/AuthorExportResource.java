package com.newsroom.comments.migration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.newsroom.comments.common.Actors;
import com.newsroom.comments.common.OpenApiDocs;
import com.newsroom.comments.moderator.Moderator;

/** An author's data on request, for a moderator to hand over. */
@Path("/api/moderation/authors/{email}/export")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Moderator.ROLE_MODERATOR, Moderator.ROLE_ADMIN })
@Tag(name = "Migration")
@SecurityRequirement(name = OpenApiDocs.BASIC)
@SecurityRequirement(name = OpenApiDocs.BEARER)
public class AuthorExportResource {

    private final AuthorExport export;

    public AuthorExportResource(AuthorExport export) {
        this.export = export;
    }

    @GET
    @Operation(summary = "Everything stored about an author", description = """
            The author's comments (statuses, dates, addresses, user agents, moderation reasons), the reports they \
            made and the audit entries about their comments, as one JSON document (GDPR art. 15). The export is \
            recorded in the audit log.""")
    @APIResponse(responseCode = "200", description = "The author's data (empty lists for an unknown address)",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=author-data.json"),
            content = @Content(schema = @Schema(implementation = AuthorData.class), examples = @ExampleObject(name = "data", value = """
                    {"email": "hamdi@example.com", "exportedAt": "2026-12-05T08:00:00Z",
                     "comments": [{"id": 51, "articleId": "budget-2026", "parentId": null, "name": "Hamdi Fırat Büyük",
                       "email": "hamdi@example.com", "website": null, "text": "Teşekkürler", "status": "APPROVED",
                       "ipAddress": "203.0.113.7", "userAgent": "Mozilla/5.0", "createdAt": "2026-12-01T10:00:00Z",
                       "updatedAt": "2026-12-01T10:00:00Z", "moderatedBy": null, "moderatedAt": null, "reasons": [],
                       "importSource": null, "importId": null}],
                     "reports": [], "ipAddresses": ["203.0.113.7"], "userAgents": ["Mozilla/5.0"], "auditEntries": []}""")))
    @APIResponse(responseCode = "400", description = "Not an e-mail address")
    @APIResponse(responseCode = "401", description = "Not signed in (WWW-Authenticate says how)")
    @APIResponse(responseCode = "403", description = "Signed in without the moderator role")
    public Response export(@Parameter(example = "hamdi@example.com") @PathParam("email") String email,
            @Context SecurityContext security) {
        return Response.ok(export.export(email, Actors.of(security)))
                .header("Content-Disposition", "attachment; filename=author-data.json").build();
    }
}
