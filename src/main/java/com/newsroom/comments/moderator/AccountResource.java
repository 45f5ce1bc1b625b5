package com.newsroom.comments.moderator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.newsroom.comments.common.Actors;
import com.newsroom.comments.common.OpenApiDocs;

/** The signed-in moderator's own account: its notification settings. */
@Path("/api/moderation/account")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Moderator.ROLE_MODERATOR, Moderator.ROLE_ADMIN })
@Tag(name = "Moderators")
@SecurityRequirement(name = OpenApiDocs.SESSION)
@SecurityRequirement(name = OpenApiDocs.BASIC)
@SecurityRequirement(name = OpenApiDocs.BEARER)
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "404", description = "Signed in by single sign-on without a moderator account here")
public class AccountResource {

    private static final String ACCOUNT_EXAMPLE = """
            {"username": "ayse", "role": "moderator", "enabled": true, "email": "ayse@news.example.com", "digest": true,
             "lastLoginAt": "2026-12-05T07:00:00Z", "createdAt": "2026-11-02T09:30:00Z"}""";

    private final ModeratorAccounts accounts;

    public AccountResource(ModeratorAccounts accounts) {
        this.accounts = accounts;
    }

    @GET
    @Operation(summary = "Your own account and notification settings")
    @APIResponse(responseCode = "200", description = "The account", content = @Content(
            schema = @Schema(implementation = ModeratorView.class), examples = @ExampleObject(name = "account", value = ACCOUNT_EXAMPLE)))
    public ModeratorView get(@Context SecurityContext security) {
        return accounts.own(Actors.of(security));
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change your notification settings", description = """
            The e-mail address and the digest of waiting comments: at most one e-mail per \
            comments.digest.interval listing the held and reported comments, when one is new since the last. \
            Absent fields stay as they are; "email": "" removes the address.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AccountSettings.class),
            examples = @ExampleObject(name = "opt in", value = "{\"email\": \"ayse@news.example.com\", \"digest\": true}")))
    @APIResponse(responseCode = "200", description = "The account", content = @Content(
            schema = @Schema(implementation = ModeratorView.class), examples = @ExampleObject(name = "account", value = ACCOUNT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A bad e-mail address, or the digest without one")
    public ModeratorView change(AccountSettings settings, @Context SecurityContext security) {
        return accounts.changeSettings(Actors.of(security), settings);
    }
}
