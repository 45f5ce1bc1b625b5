package com.newsroom.comments.webhook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.newsroom.comments.audit.AuditLog;
import com.newsroom.comments.common.PagedList;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.event.EventType;
import com.newsroom.comments.event.Outbox;
import com.newsroom.comments.problem.ApiException;
import com.newsroom.comments.problem.Problem.FieldError;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Webhooks as admins manage them: validation, the secret made once, test pings, deliveries and redelivery. */
@ApplicationScoped
public class WebhookAdmin {

    static final int MAX_URL = 2000;
    static final int MAX_DESCRIPTION = 500;

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final Deliveries queue;
    private final AuditLog audit;
    private final CommentsConfig.Webhooks config;
    private final AddressGuard guard;
    private final Outbox outbox;

    public WebhookAdmin(WebhookRepository webhooks, DeliveryRepository deliveries, Deliveries queue, AuditLog audit,
            CommentsConfig config, Outbox outbox) {
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.queue = queue;
        this.audit = audit;
        this.config = config.webhooks();
        this.guard = new AddressGuard(this.config.allowPrivateNetworks(), this.config.requireHttps());
    }

    public List<WebhookView> list() {
        return webhooks.listAll(Sort.by("id")).stream().map(WebhookView::of).toList();
    }

    public WebhookView get(long id) {
        return WebhookView.of(find(id));
    }

    /**
     * The new webhook with its signing secret, the only time the secret is shown. Every comment stored after
     * this returns, on any instance, gets its events ({@link Outbox#lockSubscriptions}).
     */
    @Transactional
    public WebhookView create(WebhookRequest request, String actor) {
        Webhook webhook = new Webhook();
        apply(webhook, request);
        outbox.lockSubscriptions();
        webhook.secret = StandardWebhooks.newSecret();
        webhook.createdAt = webhook.updatedAt;
        webhooks.persist(webhook);
        webhooks.flush();
        record(actor, "WEBHOOK_CREATE", webhook);
        return WebhookView.of(webhook).withSecret(webhook.secret);
    }

    @Transactional
    public WebhookView replace(long id, WebhookRequest request, String actor) {
        Webhook webhook = find(id);
        apply(webhook, request);
        outbox.lockSubscriptions(); // it may be enabled again, or subscribe to comment.created
        if (webhook.enabled) {
            webhook.failingSince = null;
            webhook.disabledReason = null;
        }
        webhooks.flush();
        record(actor, "WEBHOOK_UPDATE", webhook);
        return WebhookView.of(webhook);
    }

    /** Deletes the webhook with its deliveries. */
    @Transactional
    public void delete(long id, String actor) {
        Webhook webhook = find(id);
        record(actor, "WEBHOOK_DELETE", webhook);
        webhooks.delete(webhook);
    }

    /** Queues a {@code webhook.ping} event for this webhook only. */
    @Transactional
    public DeliveryView ping(long id) {
        Webhook webhook = find(id);
        if (!webhook.enabled) {
            throw ApiException.conflict("Webhook " + id + " is disabled: enable it first.");
        }
        return DeliveryView.of(deliveries.findById(queue.ping(id, now(), config.retryFor())));
    }

    public PagedList<DeliveryView> deliveries(long webhookId, String status, int page, int size) {
        find(webhookId);
        var query = status == null
                ? deliveries.find("webhookId", Sort.by("id", Sort.Direction.Descending), webhookId)
                : deliveries.find("webhookId = ?1 and status = ?2", Sort.by("id", Sort.Direction.Descending), webhookId,
                        parseStatus(status));
        List<DeliveryView> items = query.page(Page.of(page, size)).list().stream().map(DeliveryView::of).toList();
        return new PagedList<>(items, page, size, query.count());
    }

    @Transactional
    public DeliveryView redeliver(long webhookId, long deliveryId) {
        WebhookDelivery delivery = deliveries.findById(deliveryId);
        if (delivery == null || delivery.webhookId != webhookId) {
            throw ApiException.notFound("Webhook " + webhookId + " has no delivery " + deliveryId + ".");
        }
        if (!queue.redeliver(deliveryId, now(), config.retryFor())) {
            throw ApiException.conflict("Delivery " + deliveryId + " is still pending: it will be tried again by itself.");
        }
        deliveries.getEntityManager().refresh(delivery);
        return DeliveryView.of(delivery);
    }

    private static String parseStatus(String status) {
        String value = status.strip().toUpperCase(java.util.Locale.ROOT);
        if (!Set.of("PENDING", "DELIVERED", "FAILED").contains(value)) {
            throw ApiException.invalidField("status", "status must be PENDING, DELIVERED or FAILED.");
        }
        return value;
    }

    private void apply(Webhook webhook, WebhookRequest request) {
        if (request == null) {
            throw ApiException.invalidField("url", "Send the webhook's url and events.");
        }
        List<FieldError> errors = new ArrayList<>();
        String url = request.url() == null ? null : request.url().strip();
        if (url == null || url.isEmpty()) {
            errors.add(new FieldError("url", "Give the receiver's URL.", "url.required"));
        } else if (url.length() > MAX_URL) {
            errors.add(new FieldError("url", "The URL is longer than " + MAX_URL + " characters.", "url.too_long"));
        } else {
            try {
                guard.check(url);
            } catch (AddressGuard.Refused e) {
                errors.add(new FieldError("url", e.getMessage(), "url.invalid"));
            }
        }
        Set<String> events = new LinkedHashSet<>();
        List<String> known = EventType.subscribable();
        if (request.events() == null || request.events().isEmpty()) {
            errors.add(new FieldError("events", "Choose at least one event: " + String.join(", ", known) + ".", "events.required"));
        } else {
            for (String event : request.events()) {
                String name = event == null ? "" : event.strip();
                if (!known.contains(name)) {
                    errors.add(new FieldError("events", "Unknown event \"" + name + "\": choose from " + String.join(", ", known) + ".", "events.unknown"));
                } else {
                    events.add(name);
                }
            }
        }
        String description = request.description() == null || request.description().isBlank() ? null : request.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "The description is longer than " + MAX_DESCRIPTION + " characters.", "description.too_long"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        webhook.url = url;
        webhook.events = String.join(",", events);
        webhook.description = description;
        webhook.enabled = request.enabled() == null || request.enabled();
        webhook.includePersonalData = Boolean.TRUE.equals(request.includePersonalData());
        webhook.updatedAt = now();
    }

    private Webhook find(long id) {
        Webhook webhook = webhooks.findById(id);
        if (webhook == null) {
            throw ApiException.notFound("There is no webhook " + id + ".");
        }
        return webhook;
    }

    private void record(String actor, String action, Webhook webhook) {
        audit.record(new AuditLog.Event(actor, action, null, null, null, null, null, null,
                "Webhook " + webhook.id + ": " + abbreviate(webhook.url) + " (" + webhook.events + ", enabled=" + webhook.enabled
                        + ", includePersonalData=" + webhook.includePersonalData + ")"), now());
    }

    private static String abbreviate(String url) {
        return url.length() <= 300 ? url : url.substring(0, 300) + "…";
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
