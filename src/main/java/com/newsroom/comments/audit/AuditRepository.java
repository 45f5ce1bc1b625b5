package com.newsroom.comments.audit;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Audit entries: inserted and read, never updated or deleted through the API. */
@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntry> {
}
