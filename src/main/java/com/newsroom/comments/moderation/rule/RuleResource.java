package com.newsroom.comments.moderation.rule;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

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
import com.newsroom.comments.common.StorableText;
import com.newsroom.comments.common.Paging;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.moderation.engine.RuleAction;
import com.newsroom.comments.moderation.engine.RuleType;
import com.newsroom.comments.moderator.Moderator;
import com.newsroom.comments.problem.ApiException;

/** Moderation rules, managed at run time. A change is in force for the next comment. */
@Path("/api/moderation/rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Moderator.ROLE_ADMIN)
@SecurityRequirement(name = OpenApiDocs.SESSION)
@SecurityRequirement(name = OpenApiDocs.BASIC)
@SecurityRequirement(name = OpenApiDocs.BEARER)
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Changing rules needs the admin role")
@Tag(name = "Rules", description = "Moderation rules: terms, patterns, links, shouting, authors, flood, duplicates")
@APIResponse(responseCode = "400", description = "Invalid rule (empty term, bad pattern, too many terms...)")
public class RuleResource {

    private final RuleStore store;
    private final ActiveRules activeRules;
    private final CommentsConfig config;

    public RuleResource(RuleStore store, ActiveRules activeRules, CommentsConfig config) {
        this.store = store;
        this.activeRules = activeRules;
        this.config = config;
    }

    @GET
    @RolesAllowed({ Moderator.ROLE_MODERATOR, Moderator.ROLE_ADMIN })
    @Operation(summary = "List rules", description = "All rules, enabled or not, by id; optionally of one type.")
    @APIResponse(responseCode = "200", description = "A page of rules")
    public PagedList<RuleView> list(@QueryParam("type") RuleType type,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "100")) @QueryParam("size") String size) {
        Paging paging = Paging.parse(page, size, 50);
        return store.list(type, paging.page(), paging.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a rule")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RuleRequest.class), examples = {
            @ExampleObject(name = "terms", value = """
                    {"type": "TERMS", "action": "SPAM", "terms": ["word", "two words", "prefix*"], "description": "Slurs"}"""),
            @ExampleObject(name = "terms with options", value = """
                    {"type": "TERMS", "action": "HOLD", "terms": ["dick", "cock"], "exceptions": ["Dick Van Dyke", "Cockburn"], "masked": true, "inflections": true}"""),
            @ExampleObject(name = "pattern", value = """
                    {"type": "PATTERN", "action": "HOLD", "pattern": "\\\\b\\\\d{3}[ -]?\\\\d{3}[ -]?\\\\d{4}\\\\b", "description": "Phone numbers"}"""),
            @ExampleObject(name = "links", value = """
                    {"type": "LINKS", "action": "HOLD", "maxLinks": 2, "blockedDomains": ["spam.example"], "allowedDomains": ["newsroom.example"]}"""),
            @ExampleObject(name = "authors", value = """
                    {"type": "AUTHORS", "action": "SPAM", "emails": ["spammer@example.com"], "ips": ["203.0.113.0/24"]}"""),
            @ExampleObject(name = "flood", value = """
                    {"type": "FLOOD", "intervalSeconds": 30}""") }))
    @APIResponse(responseCode = "201", description = "Created; in force for the next comment",
            content = @Content(schema = @Schema(implementation = RuleView.class)))
    public Response create(RuleRequest request, @Context SecurityContext security, @Context UriInfo uri) {
        RuleView rule = store.create(request, Actors.of(security));
        activeRules.reload();
        return Response.created(location(uri, rule.id())).entity(rule).build();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Import a word list", description = """
            Creates one TERMS rule from a text/plain body with one term per line. Blank lines and lines \
            starting with # are skipped; repeated terms are kept once.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.TEXT_PLAIN,
            examples = @ExampleObject(name = "list", value = "# election slurs\nword\ntwo words\nprefix*\n")))
    @APIResponse(responseCode = "201", description = "The new TERMS rule",
            content = @Content(schema = @Schema(implementation = RuleView.class)))
    public Response importTerms(
            @Parameter(description = "HOLD or SPAM", schema = @Schema(defaultValue = "HOLD")) @QueryParam("action") RuleAction action,
            @Parameter(description = "The rule's description") @QueryParam("description") String description,
            String body, @Context SecurityContext security, @Context UriInfo uri) {
        if (!StorableText.isStorable(body)) {
            throw ApiException.invalidField("terms", "The word list " + StorableText.TEXT_MESSAGE);
        }
        Set<String> terms = new LinkedHashSet<>();
        if (body != null) {
            for (String line : body.split("\\R")) {
                String term = line.strip();
                if (!term.isEmpty() && !term.startsWith("#")) {
                    terms.add(term);
                }
                if (terms.size() > config.rules().maxTerms()) {
                    break; // RuleStore refuses the list with a message that names the limit
                }
            }
        }
        if (terms.isEmpty()) {
            throw ApiException.invalidField("terms", "The body has no terms: send one term per line.");
        }
        RuleRequest request = new RuleRequest(RuleType.TERMS, action, true,
                description == null ? "Imported word list (" + terms.size() + " terms)" : description,
                List.copyOf(terms), null, null, null, null, null, null, null, null, null, null, null, null, null);
        return create(request, security, uri);
    }

    @GET
    @Path("hits")
    @RolesAllowed({ Moderator.ROLE_MODERATOR, Moderator.ROLE_ADMIN })
    @Operation(summary = "How often each rule fired", description = """
            Per rule that fired on a stored comment: the number of stored comments it gave a reason to and \
            the newest one's time, counted in the database, so over every instance and restart (spam \
            purged after 30 days no longer counts, and FLOOD and DUPLICATES, which refuse comments \
            without storing them, never appear). Rules that never fired are absent. Reads every stored \
            reason: for screens, not for polling.""")
    @APIResponse(responseCode = "200", description = "Hits by rule, by rule id",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RuleHitsView.class),
                    examples = @ExampleObject(name = "hits", value = """
                            [{"ruleId": 1000, "hits": 42, "lastHitAt": "2026-12-05T09:12:00Z"}]""")))
    public List<RuleHitsView> hits() {
        return store.hits();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Moderator.ROLE_MODERATOR, Moderator.ROLE_ADMIN })
    @Operation(summary = "Read a rule")
    @APIResponse(responseCode = "200", description = "The rule", content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "404", description = "No such rule")
    public RuleView get(@PathParam("id") long id) {
        return store.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a rule", description = "In force for the next comment.")
    @APIResponse(responseCode = "200", description = "The rule as stored", content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "404", description = "No such rule")
    public RuleView update(@PathParam("id") long id, RuleRequest request, @Context SecurityContext security) {
        RuleView rule = store.update(id, request, Actors.of(security));
        activeRules.reload();
        return rule;
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a rule")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such rule")
    public void delete(@PathParam("id") long id, @Context SecurityContext security) {
        store.delete(id, Actors.of(security));
        activeRules.reload();
    }


    private static URI location(UriInfo uri, long id) {
        return uri.getBaseUriBuilder().path("api/moderation/rules/{id}").build(id);
    }
}
