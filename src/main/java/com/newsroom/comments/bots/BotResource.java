package com.newsroom.comments.bots;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.newsroom.comments.article.ArticleIds;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.http.HttpServerRequest;

/** What a comment form asks for before it is sent: a signed form token, and a proof-of-work challenge. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comments")
public class BotResource {

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final BotCheck bots;

    public BotResource(BotCheck bots) {
        this.bots = bots;
    }

    @Schema(name = "FormToken", description = "A signed form token and what the form needs to know")
    @RegisterForReflection
    public record FormTokenView(
            @Schema(description = "Send it back as formToken with the comment", example = "1764920000000.q8Zr1mYkUe3w.M9c3w0QbW1o8p1f4mYxN2Zl5cV2Q9oQ2b3Y4r5s6t7u")
            String formToken,
            @Schema(description = "The name of the honeypot field: a field people never see; leave it empty", example = "email_confirm")
            String honeypotField,
            @Schema(description = "Whether this client must send a proof-of-work solution (GET /api/challenge)", example = "false")
            boolean proofOfWork,
            @Schema(description = "Seconds that must pass between this token and the comment, or it is held", example = "3")
            int minSeconds) {
    }

    @Schema(name = "AltchaChallenge", description = "A proof-of-work challenge in the ALTCHA format")
    @RegisterForReflection
    public record ChallengeView(@Schema(example = "SHA-256") String algorithm,
            @Schema(example = "5f2e6a0d9f5a3b1c2e4d6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c") String challenge,
            @Schema(example = "100000") int maxnumber,
            @Schema(example = "4f3c2b1a0e9d8c7b6a5f4e3d?expires=1764921200&") String salt,
            @Schema(example = "9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b") String signature) {
    }

    @GET
    @Path("articles/{articleId}/form-token")
    @Operation(summary = "A signed form token for a comment form", description = """
            Stateless: an HMAC over the article, the time of issue and a nonce. A comment sent sooner than \
            minSeconds after the token was issued, or with a token older than a day, is held for a moderator; \
            a forged token is refused (400). Never cached.""")
    @APIResponse(responseCode = "200", description = "The token",
            content = @Content(schema = @Schema(implementation = FormTokenView.class), examples = @ExampleObject(name = "token", value = """
                    {"formToken": "1764920000000.q8Zr1mYkUe3w.M9c3w0QbW1o8p1f4mYxN2Zl5cV2Q9oQ2b3Y4r5s6t7u",
                     "honeypotField": "email_confirm", "proofOfWork": false, "minSeconds": 3}""")))
    @APIResponse(responseCode = "400", description = "Bad article id")
    @APIResponse(responseCode = "406", description = "The request accepts no JSON")
    public Response formToken(
            @PathParam("articleId") @Pattern(regexp = ArticleIds.PATTERN, message = ArticleIds.MESSAGE) String articleId,
            @Context HttpServerRequest request) {
        String ip = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        BotCheck.FormToken token = bots.formToken(articleId, ip);
        return Response.ok(new FormTokenView(token.formToken(), token.honeypotField(), token.proofOfWork(), token.minSeconds()))
                .cacheControl(NO_STORE).build();
    }

    @GET
    @Path("challenge")
    @Operation(summary = "A proof-of-work challenge (ALTCHA)", description = """
            Find the number n (0 to maxnumber) for which SHA-256 hex of salt + n equals challenge, and send \
            base64 of {"algorithm", "challenge", "number", "salt", "signature"} as the comment's altcha field \
            (what the ALTCHA widget sends). Each solution is accepted once, until the expiry in the salt. \
            Never cached.""")
    @APIResponse(responseCode = "200", description = "The challenge",
            content = @Content(schema = @Schema(implementation = ChallengeView.class), examples = @ExampleObject(name = "challenge", value = """
                    {"algorithm": "SHA-256", "challenge": "5f2e6a0d9f5a3b1c2e4d6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c",
                     "maxnumber": 100000, "salt": "4f3c2b1a0e9d8c7b6a5f4e3d?expires=1764921200&",
                     "signature": "9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b"}""")))
    @APIResponse(responseCode = "406", description = "The request accepts no JSON")
    public Response challenge() {
        Altcha.Challenge c = bots.challenge();
        return Response.ok(new ChallengeView(c.algorithm(), c.challenge(), c.maxnumber(), c.salt(), c.signature()))
                .cacheControl(NO_STORE).build();
    }
}
