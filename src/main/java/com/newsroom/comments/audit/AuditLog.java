package com.newsroom.comments.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.newsroom.comments.common.PagedList;
import com.newsroom.comments.problem.ApiException;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Writes the audit log (always inside the caller's transaction) and reads it back. */
@ApplicationScoped
public class AuditLog {

    static final int MAX_NOTE = 2000;

    private final AuditRepository entries;

    public AuditLog(AuditRepository entries) {
        this.entries = entries;
    }

    /** What happened; only the fields that apply are set. */
    public record Event(String actor, String action, Long commentId, String articleId, String fromStatus,
            String toStatus, String note, String previousText, String details) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Event event, Instant at) {
        AuditEntry entry = new AuditEntry();
        entry.at = at;
        entry.actor = event.actor();
        entry.action = event.action();
        entry.commentId = event.commentId();
        entry.articleId = event.articleId();
        entry.fromStatus = event.fromStatus();
        entry.toStatus = event.toStatus();
        entry.note = event.note();
        entry.previousText = event.previousText();
        entry.details = event.details();
        entries.persist(entry);
    }

    public static String checkNote(String note) {
        if (note != null && note.length() > MAX_NOTE) {
            throw ApiException.invalidField("note", "The note may have at most " + MAX_NOTE + " characters.");
        }
        return note == null || note.isBlank() ? null : note.strip();
    }

    public List<AuditView> forComment(long commentId) {
        return entries.list("commentId", Sort.by("at").and("id"), commentId).stream()
                .map(AuditView::of).toList();
    }

    /** What to look for; null or empty fields match everything. */
    public record Filter(Long commentId, String actor, List<String> actions, String articleId, Instant from,
            Instant to) {
    }

    public PagedList<AuditView> search(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.commentId() != null) {
            where.add("commentId = :commentId");
            params.put("commentId", filter.commentId());
        }
        String actor = filter.actor();
        if (actor != null && !actor.isBlank()) {
            where.add("actor = :actor");
            params.put("actor", actor.strip());
        }
        if (filter.actions() != null && !filter.actions().isEmpty()) {
            where.add("action in :actions");
            params.put("actions", filter.actions());
        }
        if (filter.articleId() != null && !filter.articleId().isBlank()) {
            where.add("articleId = :articleId");
            params.put("articleId", filter.articleId().strip());
        }
        Instant from = filter.from();
        Instant to = filter.to();
        if (from != null) {
            where.add("at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("at < :to");
            params.put("to", to);
        }
        var query = entries.find(where.isEmpty() ? "1 = 1" : String.join(" and ", where),
                Sort.by("at", Sort.Direction.Descending).and("id", Sort.Direction.Descending), params);
        List<AuditView> items = query.page(Page.of(page, size)).list().stream().map(AuditView::of).toList();
        return new PagedList<>(items, page, size, query.count());
    }
}
