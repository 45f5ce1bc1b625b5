package com.newsroom.comments.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook as the admin API shows it; the signing secret only once, in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(long id, String url, List<String> events, String description, boolean enabled,
        boolean includePersonalData,
        @Schema(description = "Since when every delivery has failed (null while deliveries succeed)") Instant failingSince,
        @Schema(description = "Why the service disabled it") String disabledReason,
        Instant createdAt, Instant updatedAt,
        @Schema(description = "The signing secret (whsec_...): in the answer to the creation only; keep it") String secret) {

    static WebhookView of(Webhook webhook) {
        return new WebhookView(webhook.id, webhook.url, Arrays.asList(webhook.events.split(",")), webhook.description,
                webhook.enabled, webhook.includePersonalData, webhook.failingSince, webhook.disabledReason,
                webhook.createdAt, webhook.updatedAt, null);
    }

    WebhookView withSecret(String secret) {
        return new WebhookView(id, url, events, description, enabled, includePersonalData, failingSince, disabledReason,
                createdAt, updatedAt, secret);
    }
}
