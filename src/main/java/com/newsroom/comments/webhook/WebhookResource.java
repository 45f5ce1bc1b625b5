package com.newsroom.comments.webhook;

import java.net.URI;
import java.util.List;

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

/** Webhooks: receivers of signed events (Standard Webhooks), their deliveries and redelivery. */
@Path("/api/moderation/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Moderator.ROLE_ADMIN)
@SecurityRequirement(name = OpenApiDocs.BASIC)
@SecurityRequirement(name = OpenApiDocs.BEARER)
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Webhooks need the admin role")
@Tag(name = "Webhooks", description = "Signed events to other systems: comments created and moderated, articles updated, authors erased")
public class WebhookResource {

    private static final String WEBHOOK_EXAMPLE = """
            {"url": "https://cms.example.com/hooks/comments", "events": ["comment.created", "comment.approved", "comment.deleted"],
             "description": "CMS comment counts", "enabled": true, "includePersonalData": false}""";

    private final WebhookAdmin admin;

    public WebhookResource(WebhookAdmin admin) {
        this.admin = admin;
    }

    @GET
    @Operation(summary = "List webhooks", description = "Without their secrets.")
    @APIResponse(responseCode = "200", description = "Every webhook, by id",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookView.class)))
    public List<WebhookView> list() {
        return admin.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a webhook", description = """
            Answers the webhook with its signing secret (whsec_...), shown this once: keep it to verify the \
            webhook-signature header. The webhook gets the events that happen from now on.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WebhookRequest.class),
            examples = @ExampleObject(name = "CMS", value = WEBHOOK_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created, with its secret", content = @Content(
            schema = @Schema(implementation = WebhookView.class), examples = @ExampleObject(name = "created", value = """
                    {"id": 3, "url": "https://cms.example.com/hooks/comments", "events": ["comment.created", "comment.approved", "comment.deleted"],
                     "description": "CMS comment counts", "enabled": true, "includePersonalData": false,
                     "createdAt": "2026-12-05T07:00:00Z", "updatedAt": "2026-12-05T07:00:00Z",
                     "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""")))
    @APIResponse(responseCode = "400", description = "Bad URL (not https, private address...), unknown event or too long a description")
    public Response create(WebhookRequest request, @Context SecurityContext security) {
        WebhookView created = admin.create(request, Actors.of(security));
        return Response.created(URI.create("/api/moderation/webhooks/" + created.id())).entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a webhook")
    @APIResponse(responseCode = "200", description = "The webhook", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No such webhook")
    public WebhookView get(@PathParam("id") long id) {
        return admin.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a webhook", description = "The secret stays. Enabling a disabled webhook clears its failure.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WebhookRequest.class),
            examples = @ExampleObject(name = "CMS", value = WEBHOOK_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The webhook", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Bad URL, unknown event or too long a description")
    @APIResponse(responseCode = "404", description = "No such webhook")
    public WebhookView replace(@PathParam("id") long id, WebhookRequest request, @Context SecurityContext security) {
        return admin.replace(id, request, Actors.of(security));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a webhook", description = "With its deliveries; pending ones are not sent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such webhook")
    public void delete(@PathParam("id") long id, @Context SecurityContext security) {
        admin.delete(id, Actors.of(security));
    }

    @POST
    @Path("{id}/test")
    @Operation(summary = "Send a test ping", description = "Queues a webhook.ping event for this webhook; its delivery shows in the deliveries.")
    @APIResponse(responseCode = "202", description = "The ping's delivery, pending", content = @Content(
            schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such webhook")
    @APIResponse(responseCode = "409", description = "The webhook is disabled")
    public Response ping(@PathParam("id") long id) {
        return Response.accepted(admin.ping(id)).build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "List a webhook's deliveries", description = "Newest first: status, attempts, the last answer.")
    @APIResponse(responseCode = "200", description = "A page of deliveries", content = @Content(examples = @ExampleObject(name = "page", value = """
            {"items": [{"id": 41, "webhookId": 3, "eventId": "5f0c3c1e-8e4b-4f7a-9d55-0b3c1b7d6a10", "eventType": "comment.created",
              "status": "DELIVERED", "attempts": 2, "createdAt": "2026-12-05T07:01:00Z", "lastAttemptAt": "2026-12-05T07:01:10Z",
              "lastStatusCode": 204, "lastResponse": "", "deliveredAt": "2026-12-05T07:01:10Z"}],
             "page": 0, "size": 20, "totalItems": 1}""")))
    @APIResponse(responseCode = "400", description = "Bad status or paging")
    @APIResponse(responseCode = "404", description = "No such webhook")
    public PagedList<DeliveryView> deliveries(@PathParam("id") long id,
            @Parameter(description = "PENDING, DELIVERED or FAILED") @QueryParam("status") String status,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", maximum = "100")) @QueryParam("size") String size) {
        Paging paging = Paging.parse(page, size, 20);
        return admin.deliveries(id, status, paging.page(), paging.size());
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery again", description = "A delivered or failed delivery, with the same event id, due now.")
    @APIResponse(responseCode = "202", description = "The delivery, pending", content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such webhook or delivery")
    @APIResponse(responseCode = "409", description = "The delivery is still pending")
    public Response redeliver(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        return Response.accepted(admin.redeliver(id, deliveryId)).build();
    }
}
