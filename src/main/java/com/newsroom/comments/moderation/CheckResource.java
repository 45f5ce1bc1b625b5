package com.newsroom.comments.moderation;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.newsroom.comments.bots.BotCheck;
import com.newsroom.comments.comment.CommentSubmission;
import com.newsroom.comments.comment.ModerationReason;
import com.newsroom.comments.common.OpenApiDocs;
import com.newsroom.comments.moderator.Moderator;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Dry run of the moderation rules: what would happen to this comment, and why. Nothing is stored. */
@Path("/api/moderation/check")
@Tag(name = "Rules")
@RolesAllowed({ Moderator.ROLE_MODERATOR, Moderator.ROLE_ADMIN })
@SecurityRequirement(name = OpenApiDocs.SESSION)
@SecurityRequirement(name = OpenApiDocs.BASIC)
@SecurityRequirement(name = OpenApiDocs.BEARER)
@APIResponse(responseCode = "401", description = "Not signed in")
public class CheckResource {

    private final ModerationService moderation;
    private final BotCheck bots;

    public CheckResource(ModerationService moderation, BotCheck bots) {
        this.moderation = moderation;
        this.bots = bots;
    }

    @Schema(name = "CheckRequest")
    public record CheckRequest(@Schema(example = "budget-2026") String articleId, String name, String text, String email,
            String website, @Schema(description = "The IP address to check author rules against", example = "203.0.113.7") String ip,
            @Schema(description = "What was in the honeypot field (a filled one is spam)", example = "") String honeypot,
            @Schema(description = "A form token to check the time trap against") String formToken) {
    }

    @Schema(name = "CheckResult")
    public record CheckResult(@Schema(enumeration = { "APPROVED", "PENDING", "SPAM" }) String decision,
            List<ReasonView> reasons) {
    }

    /** Why a rule fired: start/end are character offsets of the match in the field as submitted. */
    @RegisterForReflection
    @Schema(name = "Reason")
    public record ReasonView(Long ruleId, @Schema(example = "TERMS") String type, @Schema(example = "text") String field,
            @Schema(example = "f.u.c.k") String match, Integer start, Integer end,
            @Schema(example = "SPAM") String action, String detail) {

        public static ReasonView of(ModerationReason r) {
            return new ReasonView(r.ruleId, r.ruleType, r.field, r.match, r.start, r.end, r.action, r.detail);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a would-be comment", description = """
            Runs every rule on the comment without storing anything, and the bot checks that apply to a dry run: \
            the honeypot and the form token's time trap (reasons of type BOT).""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CheckRequest.class),
            examples = @ExampleObject(name = "check", value = """
                    {"articleId": "budget-2026", "name": "Ali", "text": "Buy cheap watches at www.spam.example", "email": "ali@example.com"}""")))
    @APIResponse(responseCode = "200", description = "The decision and the rules that fired",
            content = @Content(schema = @Schema(implementation = CheckResult.class), examples = @ExampleObject(name = "held", value = """
                    {"decision": "SPAM", "reasons": [{"ruleId": 1001, "type": "TERMS", "field": "text", "match": "f.u.c.k",
                      "start": 10, "end": 17, "action": "SPAM", "detail": "term 'fuck'"}]}""")))
    public CheckResult check(CheckRequest request) {
        CheckRequest r = request != null ? request : new CheckRequest(null, null, null, null, null, null, null, null);
        CommentSubmission submission = new CommentSubmission(r.name() == null ? "" : r.name(), r.text() == null ? "" : r.text(), r.email(),
                r.website(), null).normalized();
        List<ModerationReason> botReasons = bots.dryRun(r.articleId(), r.honeypot(), r.formToken());
        ModerationOutcome outcome = moderation.check(r.articleId(), submission, r.ip(), botReasons);
        return new CheckResult(outcome.status().name(), outcome.reasons().stream().map(ReasonView::of).toList());
    }
}
