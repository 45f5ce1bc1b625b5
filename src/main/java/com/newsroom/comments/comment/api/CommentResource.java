package com.newsroom.comments.comment.api;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.newsroom.comments.article.ArticleIds;
import com.newsroom.comments.comment.Comment;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.CommentSubmission;
import com.newsroom.comments.comment.pages.Gzip;
import com.newsroom.comments.comment.pages.PublicComment;
import com.newsroom.comments.comment.pages.PublicPages;
import com.newsroom.comments.common.FormFields;
import com.newsroom.comments.common.Paging;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.i18n.Languages;
import com.newsroom.comments.i18n.Messages;
import com.newsroom.comments.problem.ApiException;
import com.newsroom.comments.problem.Problem;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** The public, anonymous API that article pages use: post a comment, read the published ones. */
@Path("/api/articles/{articleId}/comments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comments", description = "Public: submit comments and read the published ones")
public class CommentResource {

    /** The field and query parameter that name the reader's language. */
    static final String LANG = "lang";

    private final CommentService service;
    private final RedirectPolicy redirects;
    private final PublicPages pages;
    private final Languages languages;
    private final int formFields;
    private final long formBytes;

    public CommentResource(CommentService service, PublicPages pages, CommentsConfig config, Languages languages) {
        this.service = service;
        this.languages = languages;
        this.formFields = config.limits().formFields();
        this.formBytes = config.limits().body().asLongValue();
        this.pages = pages;
        this.redirects = new RedirectPolicy(config.redirect().allowedOrigins());
    }

    /** The read-your-writes cookie of an approved comment's answer ({@link #authorsView}), as OpenAPI shows it. */
    static final String AUTHOR_COOKIE_DOC = "Only when the comment is APPROVED (published): " + PublicPages.AUTHOR_COOKIE
            + "=<comment id>, HttpOnly, SameSite=Lax, on the path of the article's list (/api/articles/{articleId}/comments),"
            + " for comments.public-cache.freshness rounded up to whole seconds, plus one. While the browser sends it, the"
            + " author's reads of that list skip the page cache, so the new comment shows at once (read-your-writes); other"
            + " readers see it within the freshness window. Absent when the public page cache is off.";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a comment", description = """
            Validates the comment, checks it for bots (honeypot, form token, proof of work), runs moderation, \
            stores it and answers with its status: APPROVED (published at once) or PENDING (awaiting a moderator). \
            Spam is also answered as PENDING.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CommentSubmission.class),
            examples = @ExampleObject(name = "comment", value = """
                    {"name": "Hamdi Fırat Büyük", "email": "hamdi@example.com", "website": "https://example.com",
                     "text": "Thank you for this report."}""")))
    @APIResponse(responseCode = "201", description = "Stored; Location points to the comment",
            headers = { @Header(name = "Location", description = "The comment's URL"),
                @Header(name = "Set-Cookie", description = AUTHOR_COOKIE_DOC, schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmittedComment.class)))
    @APIResponse(responseCode = "400", description = """
            Invalid fields (all of them at once), malformed JSON or article id, a forged form token, or where proof of \
            work is required a missing (code altcha.required) or invalid or reused (altcha.invalid) solution""",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                        @ExampleObject(name = "missing fields", value = """
                            {"type": "https://comments.newsroom.dev/problems/validation", "title": "Invalid request",
                             "status": 400, "detail": "The request has 2 invalid fields.",
                             "instance": "/api/articles/budget-2026/comments",
                             "errors": [{"field": "name", "message": "Please enter your name here", "code": "name.required"},
                                        {"field": "text", "message": "Please enter your comment!", "code": "text.required"}]}"""),
                        @ExampleObject(name = "in Turkish (lang=tr)", value = """
                            {"type": "https://comments.newsroom.dev/problems/validation", "title": "Geçersiz istek",
                             "status": 400, "detail": "Lütfen yorumunuzu yazın!",
                             "instance": "/api/articles/budget-2026/comments",
                             "errors": [{"field": "text", "message": "Lütfen yorumunuzu yazın!", "code": "text.required"}]}"""),
                        @ExampleObject(name = "proof of work required", value = """
                            {"type": "https://comments.newsroom.dev/problems/validation", "title": "Invalid request",
                             "status": 400, "detail": "Please wait a moment: your browser has not finished the anti-spam check.",
                             "instance": "/api/articles/budget-2026/comments",
                             "errors": [{"field": "altcha", "code": "altcha.required",
                                         "message": "Please wait a moment: your browser has not finished the anti-spam check."}]}""")}))
    @APIResponse(responseCode = "403", description = "Comments are closed on this article")
    @APIResponse(responseCode = "409", description = "The same author already posted this text on this article")
    @APIResponse(responseCode = "413", description = "Request body too large")
    @APIResponse(responseCode = "415", description = "Not JSON (or a form post)")
    @APIResponse(responseCode = "429", description = "Posting too quickly; see Retry-After")
    @Parameter(name = "lang", in = ParameterIn.QUERY, description = "The reader's language (tr, ar, de, fr, es, en); "
            + "a form's or JSON's lang field wins, Accept-Language is used without either", example = "tr")
    public Uni<Response> submit(
            // No @Pattern here: CommentService checks the id with the other fields (one answer with every
            // error), and method validation costs every submission.
            @Parameter(description = "The article's id", example = "budget-2026", schema = @Schema(pattern = ArticleIds.PATTERN))
            @PathParam("articleId") String articleId,
            CommentSubmission submission, @Context HttpServerRequest request, @Context UriInfo uri) {
        CommentSubmission body = submission != null ? submission : new CommentSubmission(null, null, null, null, null);
        URI base = uri.getBaseUri();
        Messages language = language(body.otherField(LANG), request);
        return inLanguage(service.submit(articleId, body, origin(request)), language)
                .map(comment -> authorsView(Response.created(location(base, articleId, comment.id)), base, comment)
                        .header(HttpHeaders.CONTENT_LANGUAGE, language.language())
                        .entity(SubmittedComment.of(comment, language)).build());
    }

    /**
     * Read-your-writes: with a new approved comment, a cookie for the article's list ({@link
     * PublicPages#AUTHOR_COOKIE}) under which its author's next reads skip the cache, whose other readers may
     * get the previous page for up to {@code comments.public-cache.freshness}. It lasts that window and a
     * second (other instances hear of the change within it), then the cached page shows the comment anyway.
     */
    private Response.ResponseBuilder authorsView(Response.ResponseBuilder response, URI base, Comment comment) {
        if (comment.status != CommentStatus.APPROVED || !pages.enabled()) {
            return response;
        }
        String prefix = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        return response.cookie(new NewCookie.Builder(PublicPages.AUTHOR_COOKIE).value(String.valueOf(comment.id))
                .path(prefix + (prefix.endsWith("/") ? "" : "/") + "api/articles/" + comment.articleId + "/comments")
                .maxAge(pages.authorCookieSeconds()).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build());
    }

    /** The {@code lang} field, else the query parameter, else Accept-Language, else the default. */
    private Messages language(String field, HttpServerRequest request) {
        return languages.choose(field != null ? field : request.getParam(LANG), request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The refusals of a submission, answered in the reader's language. */
    private static <T> Uni<T> inLanguage(Uni<T> answer, Messages language) {
        return answer.onFailure(ApiException.class).transform(e -> ((ApiException) e).in(language));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Submit a comment from a plain HTML form", description = """
            The same as the JSON submission, for forms posted without JavaScript, with the same limits: a form \
            is accepted exactly when the same fields as JSON would be. With a `redirect` field on an allowed \
            origin the answer is 303 See Other to it, with commentId and commentStatus in the query.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = CommentForm.class),
            examples = @ExampleObject(name = "form", value = "name=Recep+Tayyip+Erdo%C4%9Fan&text=Te%C5%9Fekk%C3%BCrler"
                    + "&redirect=https%3A%2F%2Fnews.example.com%2Fbudget-2026")))
    @APIResponse(responseCode = "201", description = "Stored",
            headers = @Header(name = "Set-Cookie", description = AUTHOR_COOKIE_DOC, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmittedComment.class)))
    @APIResponse(responseCode = "303", description = "Stored; the reader is sent back to the article page",
            headers = @Header(name = "Set-Cookie", description = AUTHOR_COOKIE_DOC, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid fields, a malformed form (broken percent-encoding, too many fields), a forged form token, or a missing or invalid proof of work where it is required",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "malformed form", value = """
                            {"type": "https://comments.newsroom.dev/problems/validation", "title": "Invalid request",
                             "status": 400, "detail": "The form is not properly encoded (a '%' must be followed by two hexadecimal digits).",
                             "instance": "/api/articles/budget-2026/comments",
                             "errors": [{"field": "form", "message": "The form is not properly encoded (a '%' must be followed by two hexadecimal digits).",
                                         "code": "form.malformed"}]}""")))
    @APIResponse(responseCode = "403", description = "Comments are closed on this article")
    @APIResponse(responseCode = "409", description = "Duplicate comment")
    @APIResponse(responseCode = "413", description = "Decoded fields larger than comments.limits.body (the encoded body may be three times that)")
    @APIResponse(responseCode = "429", description = "Posting too quickly")
    @Parameter(name = "lang", in = ParameterIn.QUERY, description = "The reader's language (tr, ar, de, fr, es, en); "
            + "a form's or JSON's lang field wins, Accept-Language is used without either", example = "tr")
    public Uni<Response> submitForm(
            @Parameter(description = "The article's id", example = "budget-2026", schema = @Schema(pattern = ArticleIds.PATTERN))
            @PathParam("articleId") String articleId,
            String form, @Context HttpHeaders headers, @Context HttpServerRequest request, @Context UriInfo uri) {
        Map<String, String> fields = FormFields.parse(form, headers.getMediaType(), formFields, formBytes);
        Messages language = language(fields.get(LANG), request);
        Long parent;
        try {
            parent = parseParentId(fields.get("parentId"));
        } catch (ApiException e) {
            throw e.in(language);
        }
        String redirect = fields.get("redirect");
        URI base = uri.getBaseUri();
        // Every other field too (formToken, altcha, and the honeypot under its configured name).
        CommentSubmission submission = new CommentSubmission(fields.get("name"), fields.get("text"), fields.get("email"),
                fields.get("website"), parent, fields.get("formToken"), fields.get("altcha"), Collections.unmodifiableMap(fields));
        return inLanguage(service.submit(articleId, submission, origin(request)), language)
                .map(comment -> {
                    SubmittedComment answer = SubmittedComment.of(comment, language);
                    return redirects.target(redirect, comment.id, answer.status())
                            .map(target -> authorsView(Response.seeOther(target), base, comment).build())
                            .orElseGet(() -> authorsView(Response.created(location(base, articleId, comment.id)), base, comment)
                                    .header(HttpHeaders.CONTENT_LANGUAGE, language.language()).entity(answer).build());
                });
    }

    /** For the OpenAPI document only: the fields of a plain HTML form post. */
    @Schema(name = "CommentForm", description = "The JSON submission's fields as a form, and where to send the reader back to")
    record CommentForm(@Schema(required = true, maxLength = 245) String name, @Schema(required = true, maxLength = 65525) String text,
            @Schema(maxLength = 100) String email, @Schema(maxLength = 200) String website, Long parentId,
            @Schema(description = "An URL on comments.redirect.allowed-origins: answered 303 to it") String redirect,
            @Schema(description = "The reader's language for the answer's messages", example = "tr") String lang) {
    }

    @GET
    @Operation(summary = "List an article's published comments", description = """
            Approved comments only, oldest first. An article without comments gives an empty list. A new comment \
            shows to other readers within comments.public-cache.freshness (1 s by default); its author, whose \
            submission's answer set the comments_author cookie for this list, sees it on their next read.""")
    @APIResponse(responseCode = "200", description = "A page of comments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicCommentPage.class)))
    @APIResponse(responseCode = "400", description = "Bad article id, page or size")
    public Uni<Response> list(
            @PathParam("articleId") @Pattern(regexp = ArticleIds.PATTERN, message = ArticleIds.MESSAGE) String articleId,
            @Parameter(description = "Zero-based page number", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") String size, @Context HttpHeaders headers,
            @Parameter(hidden = true) @CookieParam(PublicPages.AUTHOR_COOKIE) String author) {
        Paging paging = Paging.parse(page, size, 20);
        boolean gzip = Gzip.accepted(headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        if (author != null) {
            // The author of a comment just published: read around the cache, which may show the previous page.
            return Uni.createFrom().completionStage(pages.uncached(() -> service.approvedPage(articleId, paging.page(), paging.size())))
                    .map(loaded -> json(loaded, gzip));
        }
        // Hits are usually answered by CachedPageRoute already; a page cached meanwhile is answered on
        // the event loop here, and only a miss reads the database, on a worker thread.
        PublicPages.Page cached = pages.cached(articleId, paging.page(), paging.size());
        if (cached != null) {
            return Uni.createFrom().item(json(cached, gzip));
        }
        return Uni.createFrom().completionStage(pages.load(articleId, paging.page(), paging.size(),
                () -> service.approvedPage(articleId, paging.page(), paging.size())))
                .map(loaded -> json(loaded, gzip));
    }

    /** As CachedPageRoute answers: gzipped if the client accepts it, and Vary: Accept-Encoding either way. */
    private Response json(PublicPages.Page page, boolean gzip) {
        Response.ResponseBuilder response = Response.ok(pages.body(page, gzip).getBytes(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        return gzip ? response.header(HttpHeaders.CONTENT_ENCODING, Gzip.CODING).build() : response.build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one published comment")
    @APIResponse(responseCode = "200", description = "The comment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicComment.class)))
    @APIResponse(responseCode = "404", description = "No published comment with that id on this article")
    public PublicComment one(
            @PathParam("articleId") @Pattern(regexp = ArticleIds.PATTERN, message = ArticleIds.MESSAGE) String articleId,
            @PathParam("id") long id) {
        return PublicComment.of(service.approved(articleId, id));
    }

    private static Long parseParentId(String parentId) {
        if (parentId == null || parentId.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(parentId.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("parentId", "parentId.invalid");
        }
    }

    private static CommentService.Origin origin(HttpServerRequest request) {
        String ip = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new CommentService.Origin(ip, request.getHeader(HttpHeaders.USER_AGENT));
    }

    /** The id was checked ({@link ArticleIds}): nothing to encode, so no UriBuilder (costly on every submission). */
    private static URI location(URI base, String articleId, long id) {
        String prefix = base.toString();
        return URI.create(prefix + (prefix.endsWith("/") ? "" : "/") + "api/articles/" + articleId + "/comments/" + id);
    }

    /** For the OpenAPI document only: the generic page, spelled out for public comments. */
    @Schema(name = "PublicCommentPage")
    record PublicCommentPage(List<PublicComment> items, int page, int size, long totalItems) {
    }
}
