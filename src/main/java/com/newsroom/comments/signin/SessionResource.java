package com.newsroom.comments.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.newsroom.comments.common.FormFields;
import com.newsroom.comments.common.OpenApiDocs;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.moderator.ModeratorAccounts;
import com.newsroom.comments.moderator.ModeratorAccounts.Account;
import com.newsroom.comments.problem.ApiException;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/** Sign-in sessions for people: sign in, who am I, sign out, change my password. */
@Path("/api/moderation/session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session")
public class SessionResource {

    static final ApiException WRONG_CREDENTIALS = new ApiException(401, "unauthorized", "Unauthorized",
            "Wrong user name or password.", null, null);

    private final SignInService signIn;
    private final Sessions sessions;
    private final ModeratorAccounts accounts;
    private final SecurityIdentity identity;
    private final int formFields;
    private final long formBytes;

    public SessionResource(SignInService signIn, Sessions sessions, ModeratorAccounts accounts, SecurityIdentity identity,
            CommentsConfig config) {
        this.signIn = signIn;
        this.formFields = config.limits().formFields();
        this.formBytes = config.limits().body().asLongValue();
        this.sessions = sessions;
        this.accounts = accounts;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in", description = "Answers the session and sets its cookie (HttpOnly, SameSite=Strict, "
            + "Secure over HTTPS). Failed sign-ins are throttled per address (429 with Retry-After) before any password "
            + "is checked.")
    @APIResponse(responseCode = "200", description = "Signed in; the cookie moderator_session is set",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "User name or password missing")
    @APIResponse(responseCode = "401", description = "Wrong user name or password (the same answer for both)")
    @APIResponse(responseCode = "403", description = "Sent from another site (Origin)")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins from this address: try again after Retry-After seconds")
    public Response signIn(SignInRequest request, @Context HttpServerRequest http) {
        return start(request == null ? null : request.username(), request == null ? null : request.password(), http);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = SignInRequest.class)))
    @Operation(summary = "Sign in from a plain HTML form", description = "As the JSON sign-in. The form is parsed by the "
            + "service with the comment form's limits (comments.limits.form-fields fields, comments.limits.body bytes decoded).")
    @APIResponse(responseCode = "200", description = "Signed in; the cookie moderator_session is set",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "User name or password missing, or a malformed form (broken "
            + "percent-encoding, too many fields, a NUL)")
    @APIResponse(responseCode = "413", description = "Decoded fields larger than comments.limits.body")
    @APIResponse(responseCode = "415", description = "A charset the JDK does not know")
    @APIResponse(responseCode = "401", description = "Wrong user name or password")
    @APIResponse(responseCode = "403", description = "Sent from another site (Origin)")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins from this address")
    public Response signInForm(String form, @Context HttpHeaders headers, @Context HttpServerRequest http) {
        Map<String, String> fields = FormFields.parse(form, headers.getMediaType(), formFields, formBytes);
        return start(fields.get("username"), fields.get("password"), http);
    }

    @GET
    @NonBlocking
    @Authenticated
    @SecurityRequirement(name = OpenApiDocs.SESSION)
    @SecurityRequirement(name = OpenApiDocs.BASIC)
    @SecurityRequirement(name = OpenApiDocs.BEARER)
    @Operation(summary = "Who is signed in")
    @APIResponse(responseCode = "200", description = "The signed-in moderator",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "401", description = "Nobody is signed in")
    public SessionView current() {
        return view(identity);
    }

    @DELETE
    @SecurityRequirement(name = OpenApiDocs.SESSION)
    @Operation(summary = "Sign out", description = "Ends the session at once on every instance (a request that changes "
            + "something always checks the database; reads through other instances within comments.signin.recheck-interval) "
            + "and clears the cookie. Without a session cookie it only clears the cookie.")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "403", description = "Sent from another site: neither the X-Requested-With header nor this site's Origin")
    public Response signOut(@Context HttpServerRequest http) {
        Cookie cookie = http.getCookie(Sessions.COOKIE);
        if (cookie != null && !cookie.getValue().isEmpty()) {
            if (!CrossSite.allowed(http)) {
                throw SessionAuthenticationMechanism.CROSS_SITE;
            }
            sessions.signOut(cookie.getValue());
        }
        return Response.noContent().cookie(cookie(http, "", Duration.ZERO)).build();
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @SecurityRequirement(name = OpenApiDocs.SESSION)
    @SecurityRequirement(name = OpenApiDocs.BASIC)
    @Operation(summary = "Change my password", description = "Ends all of the moderator's sessions and remembered "
            + "credentials on every instance; a caller signed in by session gets a new one (a new cookie).")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "The current password is wrong, or the new one too short, too long, "
            + "the same or one of the most common passwords")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Sent from another site")
    @APIResponse(responseCode = "409", description = "Signed in by single sign-on: change the password there")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins (wrong current passwords) from this address")
    public Response changePassword(PasswordChangeRequest request, @Context HttpServerRequest http) {
        String username = identity.getPrincipal().getName();
        if (accounts.current(username).isEmpty()) {
            throw ApiException.conflict("This account comes from single sign-on: change its password there.");
        }
        if (request == null || request.currentPassword() == null || request.currentPassword().isEmpty()) {
            throw ApiException.invalidField("currentPassword", "Enter your current password.");
        }
        SignInService.Outcome proof = signIn.signIn(username, request.currentPassword(), ClientAddress.of(http));
        if (proof.throttled()) {
            throw BasicIdentityProvider.tooMany(proof.retryAfter());
        }
        if (proof.account().isEmpty()) {
            throw ApiException.invalidField("currentPassword", "The current password is wrong.");
        }
        accounts.changePassword(username, request.currentPassword(), request.newPassword());
        if (identity.getAttribute(Identities.TOKEN_HASH) == null) {
            return Response.ok(view(identity)).build();
        }
        Account account = accounts.current(username).orElseThrow();
        Sessions.Created created = sessions.create(account, ClientAddress.of(http));
        return Response.ok(new SessionView(created.username(), roles(identity), created.expiresAt()))
                .cookie(cookie(http, created.token(), created.maxAge())).build();
    }

    private Response start(String username, String password, HttpServerRequest http) {
        if (!CrossSite.sameOrigin(http.getHeader("Origin"), http.getHeader("Host"))) {
            throw SessionAuthenticationMechanism.CROSS_SITE;
        }
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw ApiException.invalidField(username == null || username.isBlank() ? "username" : "password",
                    "Enter your user name and password.");
        }
        String address = ClientAddress.of(http);
        SignInService.Outcome outcome = signIn.signIn(username, password, address);
        if (outcome.throttled()) {
            throw BasicIdentityProvider.tooMany(outcome.retryAfter());
        }
        Account account = outcome.account().orElseThrow(() -> WRONG_CREDENTIALS);
        Sessions.Created created = sessions.create(account, address);
        return Response.ok(new SessionView(created.username(), roles(account.role()), created.expiresAt()))
                .cookie(cookie(http, created.token(), created.maxAge())).build();
    }

    private static SessionView view(SecurityIdentity identity) {
        Instant expiresAt = identity.getAttribute(Identities.EXPIRES_AT);
        return new SessionView(identity.getPrincipal().getName(), roles(identity), expiresAt);
    }

    private static List<String> roles(SecurityIdentity identity) {
        return identity.getRoles().stream().sorted().toList();
    }

    private static List<String> roles(String role) {
        return roles(Identities.of("-", role, java.util.Map.of()));
    }

    /** The session cookie: HttpOnly, SameSite=Strict, Path=/, Secure when the request came over HTTPS. */
    static NewCookie cookie(HttpServerRequest http, String value, Duration maxAge) {
        return new NewCookie.Builder(Sessions.COOKIE).value(value).path("/").httpOnly(true)
                .secure("https".equalsIgnoreCase(http.scheme())).sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds())).build();
    }
}
