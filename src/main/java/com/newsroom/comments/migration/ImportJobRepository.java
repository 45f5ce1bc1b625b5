package com.newsroom.comments.migration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ImportJobRepository implements PanacheRepository<ImportJob> {
}
