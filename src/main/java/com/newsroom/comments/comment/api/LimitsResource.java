package com.newsroom.comments.comment.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.newsroom.comments.config.CommentsConfig;

/** The length limits the service checks a submission against, for forms that check before posting (the widget). */
@Path("/api/limits")
@Tag(name = "Comments")
public class LimitsResource {

    /** Browsers keep the limits this long: they change only with the service's configuration. */
    static final int MAX_AGE_SECONDS = 3600;

    @Schema(name = "Limits", description = "Most characters (Unicode code points) each field may have")
    public record Limits(@Schema(example = "245") int name, @Schema(example = "100") int email,
            @Schema(example = "200") int website, @Schema(example = "65525") int text) {
    }

    private final Limits limits;

    public LimitsResource(CommentsConfig config) {
        CommentsConfig.Limits l = config.limits();
        this.limits = new Limits(l.name(), l.email(), l.website(), l.text());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The fields' length limits", description = "As the service checks a submission; cacheable for an hour.")
    @APIResponse(responseCode = "200", description = "The limits",
            content = @Content(schema = @Schema(implementation = Limits.class), examples = @ExampleObject(name = "defaults", value = """
                    {"name": 245, "email": 100, "website": 200, "text": 65525}""")))
    @APIResponse(responseCode = "406", description = "The request accepts no JSON")
    public Response limits() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(limits).cacheControl(cache).build();
    }
}
