package com.newsroom.comments.moderator;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.newsroom.comments.common.Actors;
import com.newsroom.comments.common.OpenApiDocs;

/** Moderator accounts, for admins. */
@Path("/api/moderation/moderators")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Moderator.ROLE_ADMIN)
@Tag(name = "Moderators")
@SecurityRequirement(name = OpenApiDocs.SESSION)
@SecurityRequirement(name = OpenApiDocs.BASIC)
@SecurityRequirement(name = OpenApiDocs.BEARER)
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not an admin")
public class ModeratorResource {

    private final ModeratorAccounts accounts;

    public ModeratorResource(ModeratorAccounts accounts) {
        this.accounts = accounts;
    }

    @GET
    @Operation(summary = "List moderator accounts")
    public List<ModeratorView> list() {
        return accounts.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a moderator account", description = "Recorded in the audit log (MODERATOR_CREATE).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ModeratorView.class)))
    @APIResponse(responseCode = "400", description = "Bad username, password or role")
    @APIResponse(responseCode = "409", description = "The username is taken")
    public Response create(ModeratorRequest request, @Context SecurityContext security) {
        ModeratorView created = accounts.create(request, Actors.of(security));
        return Response.created(URI.create("/api/moderation/moderators/" + created.username())).entity(created).build();
    }

    @PATCH
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a moderator's password, role, enabled flag or notification settings",
            description = """
                    A new password or disabling the account ends the moderator's sessions on every instance. \
                    "email" and "digest" are the moderator's e-mail digest of waiting comments (the digest needs an \
                    address; "email": "" removes it).""")
    @APIResponse(responseCode = "200", description = "The account", content = @Content(schema = @Schema(implementation = ModeratorView.class)))
    @APIResponse(responseCode = "400", description = "Bad password, role or e-mail address, or the digest without an address")
    @APIResponse(responseCode = "404", description = "No such moderator")
    @APIResponse(responseCode = "409", description = "The last enabled admin cannot be disabled or demoted")
    public ModeratorView update(@PathParam("username") String username, ModeratorRequest request,
            @Context SecurityContext security) {
        return accounts.update(username, request, Actors.of(security));
    }

    @DELETE
    @Path("{username}/sessions")
    @Operation(summary = "Sign a moderator out everywhere",
            description = "Ends every session of the account and forgets its remembered HTTP Basic credentials, on every instance.")
    @APIResponse(responseCode = "204", description = "Signed out everywhere")
    @APIResponse(responseCode = "404", description = "No such moderator")
    public void signOutEverywhere(@PathParam("username") String username, @Context SecurityContext security) {
        accounts.signOutEverywhere(username, Actors.of(security));
    }

    @DELETE
    @Path("{username}")
    @Operation(summary = "Delete a moderator account")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such moderator")
    @APIResponse(responseCode = "409", description = "Admins cannot delete themselves, nor the last enabled admin")
    public void delete(@PathParam("username") String username, @Context SecurityContext security) {
        accounts.delete(username, Actors.of(security));
    }
}
