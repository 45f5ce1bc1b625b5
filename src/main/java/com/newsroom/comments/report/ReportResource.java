package com.newsroom.comments.report;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.newsroom.comments.article.ArticleIds;
import com.newsroom.comments.common.FormFields;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.i18n.Languages;
import com.newsroom.comments.i18n.Messages;
import com.newsroom.comments.problem.ApiException;
import com.newsroom.comments.problem.Problem;

import io.vertx.core.http.HttpServerRequest;

/** Public and anonymous: readers report a published comment to the moderators. */
@Path("/api/articles/{articleId}/comments/{id}/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Public: readers report published comments to the moderators")
public class ReportResource {

    /** The one answer to every accepted report, whatever it changed: its key in the {@code i18n} bundles. */
    public static final String THANKS = "report.accepted";
    static final String LANG = "lang";

    @Schema(name = "ReportAccepted")
    public record Accepted(@Schema(description = "In the reader's language",
            example = "Thank you. A moderator will look at this comment.") String message) {
    }

    private final Reporting reporting;
    private final Languages languages;
    private final int formFields;
    private final long formBytes;

    public ReportResource(Reporting reporting, CommentsConfig config, Languages languages) {
        this.reporting = reporting;
        this.languages = languages;
        this.formFields = config.limits().formFields();
        this.formBytes = config.limits().body().asLongValue();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a published comment", description = """
            Counts once per reporter (the e-mail address when given, else the client's address) and comment. \
            When enough readers have reported it, the comment goes back to the moderation queue at once. The \
            answer is the same whether or not the report changed anything.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportRequest.class), examples = @ExampleObject(name = "report", value = """
                    {"reason": "ABUSE", "note": "This threatens the person named in the article.", "email": "reader@example.com"}""")))
    @APIResponse(responseCode = "202", description = "Accepted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class),
                    examples = @ExampleObject(name = "accepted", value = "{\"message\": \"Thank you. A moderator will look at this comment.\"}")))
    @APIResponse(responseCode = "400", description = "Bad reason, note too long, bad e-mail address (all at once)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad reason", value = """
                            {"type": "https://comments.newsroom.dev/problems/validation", "title": "Invalid request",
                             "status": 400, "detail": "Please choose why you report this comment. One of SPAM, ABUSE, OFF_TOPIC, PERSONAL_INFO, OTHER.",
                             "instance": "/api/articles/budget-2026/comments/51/reports",
                             "errors": [{"field": "reason", "message": "Please choose why you report this comment. One of SPAM, ABUSE, OFF_TOPIC, PERSONAL_INFO, OTHER.",
                                         "code": "reason.invalid"}]}""")))
    @APIResponse(responseCode = "404", description = "No published comment with that id on this article",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not published", value = """
                            {"type": "https://comments.newsroom.dev/problems/not-found", "title": "Not found", "status": 404,
                             "detail": "There is no published comment 51 on article budget-2026.",
                             "instance": "/api/articles/budget-2026/comments/51/reports"}""")))
    @APIResponse(responseCode = "415", description = "Neither JSON nor a form post")
    @APIResponse(responseCode = "429", description = "Reporting too quickly; see Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too fast", value = """
                            {"type": "https://comments.newsroom.dev/problems/too-many-requests", "title": "Too many requests",
                             "status": 429, "detail": "You have sent many reports in a short time. Please wait a while and try again.",
                             "instance": "/api/articles/budget-2026/comments/51/reports"}""")))
    @Parameter(name = "lang", in = ParameterIn.QUERY, description = "The reader's language (tr, ar, de, fr, es, en); "
            + "a form's lang field wins, Accept-Language is used without either", example = "tr")
    public Response report(
            @Parameter(description = "The article's id", example = "budget-2026", schema = @Schema(pattern = ArticleIds.PATTERN))
            @PathParam("articleId") String articleId,
            @Parameter(description = "The comment's id", example = "51") @PathParam("id") long id,
            ReportRequest request, @Context HttpServerRequest http) {
        return report(articleId, id, request, http, languages.choose(http.getParam(LANG), http.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Report a published comment from a plain HTML form", description = """
            The same as the JSON report, with the comment form's limits: the form is parsed by the service, \
            so a form is accepted exactly when the same fields as JSON would be.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = ReportRequest.class),
            examples = @ExampleObject(name = "form", value = "reason=ABUSE&note=Bu+yorum+tehdit+i%C3%A7eriyor.&email=")))
    @APIResponse(responseCode = "202", description = "Accepted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = """
            Bad reason, note too long, bad e-mail address, or a malformed form (broken percent-encoding, more than \
            comments.limits.form-fields fields, a NUL)""",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "malformed form", value = """
                            {"type": "https://comments.newsroom.dev/problems/validation", "title": "Invalid request",
                             "status": 400, "detail": "The form is not properly encoded (a '%' must be followed by two hexadecimal digits).",
                             "instance": "/api/articles/budget-2026/comments/51/reports",
                             "errors": [{"field": "form", "message": "The form is not properly encoded (a '%' must be followed by two hexadecimal digits).",
                                         "code": "form.malformed"}]}""")))
    @APIResponse(responseCode = "404", description = "No published comment with that id on this article",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Decoded fields larger than comments.limits.body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "A charset other than those the JDK knows",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Reporting too quickly; see Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Parameter(name = "lang", in = ParameterIn.QUERY, description = "The reader's language (tr, ar, de, fr, es, en); "
            + "a form's lang field wins, Accept-Language is used without either", example = "tr")
    public Response reportForm(
            @Parameter(description = "The article's id", example = "budget-2026", schema = @Schema(pattern = ArticleIds.PATTERN))
            @PathParam("articleId") String articleId,
            @Parameter(description = "The comment's id", example = "51") @PathParam("id") long id,
            String form, @Context HttpHeaders headers, @Context HttpServerRequest http) {
        Map<String, String> fields = FormFields.parse(form, headers.getMediaType(), formFields, formBytes);
        String lang = fields.get(LANG);
        return report(articleId, id, new ReportRequest(fields.get("reason"), fields.get("note"), fields.get("email")), http,
                languages.choose(lang != null ? lang : http.getParam(LANG), http.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    /** The report, answered (or refused) in the reader's language. */
    private Response report(String articleId, long id, ReportRequest request, HttpServerRequest http, Messages language) {
        try {
            reporting.report(articleId, id, request, address(http));
        } catch (ApiException e) {
            throw e.in(language);
        }
        return Response.accepted(new Accepted(language.text(THANKS)))
                .header(HttpHeaders.CONTENT_LANGUAGE, language.language()).build();
    }

    /** As for comments: the connection's address, or X-Forwarded-For where the proxy settings trust it. */
    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
