package com.newsroom.comments.report;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

/** Reports through Hibernate; the insert, which must skip a reporter's second report, is {@link Reporting#INSERT}. */
@ApplicationScoped
public class ReportRepository implements PanacheRepository<Report> {

    public List<Report> open(long commentId) {
        return list("commentId = ?1 and resolvedAt is null", Sort.by("createdAt").and("id"), commentId);
    }

    public List<Report> open(java.util.Collection<Long> commentIds) {
        return list("commentId in ?1 and resolvedAt is null", Sort.by("createdAt").and("id"), commentIds);
    }

    public List<Report> all(long commentId) {
        return list("commentId", Sort.by("createdAt").and("id"), commentId);
    }
}
