package com.newsroom.comments.queue.live;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.newsroom.comments.common.OpenApiDocs;
import com.newsroom.comments.moderator.Moderator;

/** The live feed's endpoint: a server-sent event stream per open console. */
@Path("/api/moderation/events")
@RolesAllowed({ Moderator.ROLE_MODERATOR, Moderator.ROLE_ADMIN })
@Tag(name = "Queue")
@SecurityRequirement(name = OpenApiDocs.SESSION)
@SecurityRequirement(name = OpenApiDocs.BASIC)
@SecurityRequirement(name = OpenApiDocs.BEARER)
@APIResponse(responseCode = "401", description = "Not signed in (WWW-Authenticate says how)")
@APIResponse(responseCode = "403", description = "Signed in without the moderator role")
public class EventsResource {

    private final ModerationFeed feed;

    public EventsResource(ModerationFeed feed) {
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live queue events", description = """
            Server-sent events (text/event-stream) of changes an open queue shows at once, from every instance: \
            held (a comment stored as pending), reported (a reader reported a comment), decided (a moderator \
            changed a comment's status or text, or deleted it), resync (events may have been lost: read the queue \
            afresh). Each event's name is its type and its data a QueueEvent as JSON. The stream opens with a \
            ready event, sends a ping every 20 s and ends after 5 minutes; browsers' EventSource reconnects by \
            itself (after 2 s), signing in again. Events of other instances arrive within about 100 ms of their \
            commit (comments.public-cache.listen; when it is off, only this instance's).""")
    @APIResponse(responseCode = "200", description = "The stream", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(implementation = FeedEvent.class), examples = @ExampleObject(name = "held", value = """
                    event: ready
                    data: {}
                    retry: 2000

                    event: held
                    data: {"type":"held","commentId":42,"articleId":"budget-2026","status":"PENDING"}
                    """)))
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        feed.subscribe(sink, sse);
    }
}
