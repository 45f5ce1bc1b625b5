package com.newsroom.comments.article;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.newsroom.comments.common.Actors;
import com.newsroom.comments.common.OpenApiDocs;
import com.newsroom.comments.common.PagedList;
import com.newsroom.comments.common.Paging;
import com.newsroom.comments.moderator.Moderator;

/** Comment settings per article: open, closed, closing automatically, premoderated. */
@Path("/api/moderation/articles")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Moderator.ROLE_MODERATOR, Moderator.ROLE_ADMIN })
@Tag(name = "Articles")
@SecurityRequirement(name = OpenApiDocs.SESSION)
@SecurityRequirement(name = OpenApiDocs.BASIC)
@SecurityRequirement(name = OpenApiDocs.BEARER)
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not a moderator")
public class ArticleResource {

    private final ArticleAdmin admin;

    public ArticleResource(ArticleAdmin admin) {
        this.admin = admin;
    }

    @GET
    @Operation(summary = "List articles", description = "Newest first, each with its comment settings, "
            + "whether it accepts comments now, when it closes, and its stored comments by status.")
    @APIResponse(responseCode = "200", description = "A page of articles")
    public PagedList<ArticleView> list(
            @Parameter(description = "Only articles whose id contains this (case-insensitive)", example = "budget")
            @QueryParam("q") String q,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", maximum = "100")) @QueryParam("size") String size) {
        Paging paging = Paging.parse(page, size, 20);
        return admin.list(q, paging.page(), paging.size());
    }

    @GET
    @Path("{articleId}")
    @Operation(summary = "An article's comment settings")
    @APIResponse(responseCode = "200", description = "The article", content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "No such article")
    public ArticleView get(@PathParam("articleId") @Pattern(regexp = ArticleIds.PATTERN, message = ArticleIds.MESSAGE) String articleId) {
        return admin.get(articleId);
    }

    @PUT
    @Path("{articleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an article's comment settings", description = "Creates the article's record if it has none yet.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ArticleSettings.class), examples = {
            @ExampleObject(name = "close in two weeks", value = """
                    {"commentsOpen": true, "closeAfterDays": 14, "premoderate": false}"""),
            @ExampleObject(name = "close now", value = """
                    {"commentsOpen": false}"""),
            @ExampleObject(name = "open now, no closing date", value = """
                    {"commentsOpen": true, "clear": ["closesAt", "closeAfterDays"]}"""),
            @ExampleObject(name = "close at a date", value = """
                    {"closesAt": "2026-12-31T23:00:00Z"}""") }))
    @APIResponse(responseCode = "200", description = "The article", content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "400", description = "Bad settings or article id")
    public ArticleView update(@PathParam("articleId") @Pattern(regexp = ArticleIds.PATTERN, message = ArticleIds.MESSAGE) String articleId,
            ArticleSettings settings, @Context SecurityContext security) {
        return admin.update(articleId, settings, Actors.of(security));
    }
}
