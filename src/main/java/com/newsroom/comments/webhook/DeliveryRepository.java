package com.newsroom.comments.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepository<WebhookDelivery> {
}
