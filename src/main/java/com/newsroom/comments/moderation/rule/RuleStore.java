package com.newsroom.comments.moderation.rule;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.newsroom.comments.audit.AuditLog;
import com.newsroom.comments.comment.CommentRepository;
import com.newsroom.comments.common.PagedList;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.moderation.engine.CompiledRules;
import com.newsroom.comments.moderation.engine.InvalidRuleException;
import com.newsroom.comments.moderation.engine.RuleConfig;
import com.newsroom.comments.moderation.engine.RuleDefinition;
import com.newsroom.comments.moderation.engine.RuleType;
import com.newsroom.comments.problem.ApiException;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * Rule changes. Each one is validated (a bad rule never reaches the database) and bumps the rule-set
 * revision in the same transaction, which is how every instance learns it must reload.
 */
@ApplicationScoped
public class RuleStore {

    static final int MAX_INTERVAL_SECONDS = 86_400;

    private final RuleRepository rules;
    private final RuleCodec codec;
    private final CommentsConfig config;
    private final AuditLog audit;
    private final CommentRepository comments;

    public RuleStore(RuleRepository rules, RuleCodec codec, CommentsConfig config, AuditLog audit,
            CommentRepository comments) {
        this.rules = rules;
        this.codec = codec;
        this.config = config;
        this.audit = audit;
        this.comments = comments;
    }

    /** Every rule that fired on a stored comment, by id: how often and when last. */
    @Transactional
    public List<RuleHitsView> hits() {
        return comments.ruleHits().entrySet().stream()
                .map(e -> new RuleHitsView(e.getKey(), e.getValue().hits(), e.getValue().lastHitAt()))
                .sorted(java.util.Comparator.comparingLong(RuleHitsView::ruleId)).toList();
    }

    public PagedList<RuleView> list(RuleType type, int page, int size) {
        var query = type == null ? rules.findAll(Sort.by("id")) : rules.find("type", Sort.by("id"), type);
        List<RuleView> items = query.page(Page.of(page, size)).list().stream().map(codec::view).toList();
        return new PagedList<>(items, page, size, query.count());
    }

    public RuleView get(long id) {
        return codec.view(find(id));
    }

    @Transactional
    public RuleView create(RuleRequest request, String actor) {
        validate(request);
        Rule rule = new Rule();
        apply(rule, request);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        rule.createdAt = now;
        rule.createdBy = actor;
        stamp(rule, actor, now);
        rules.persist(rule);
        rules.bumpRevision(now);
        record("RULE_CREATE", rule, actor, now);
        return codec.view(rule);
    }

    @Transactional
    public RuleView update(long id, RuleRequest request, String actor) {
        validate(request);
        Rule rule = find(id);
        apply(rule, request);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        stamp(rule, actor, now);
        rules.flush();
        rules.bumpRevision(now);
        record("RULE_UPDATE", rule, actor, now);
        return codec.view(rule);
    }

    @Transactional
    public void delete(long id, String actor) {
        Rule rule = find(id);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        record("RULE_DELETE", rule, actor, now);
        rules.delete(rule);
        rules.bumpRevision(now);
    }

    /** The audit entry of a rule change: who changed which rule, and to what (its settings are in the rule). */
    private void record(String action, Rule rule, String actor, Instant now) {
        String details = "rule=" + rule.id + ", type=" + rule.type + ", action=" + rule.action + ", enabled="
                + rule.enabled + (rule.description == null ? "" : ", description=" + rule.description);
        audit.record(new AuditLog.Event(actor, action, null, null, null, null, null, null, details), now);
    }

    /** The current revision, polled by every instance. */
    @Transactional
    public long revision() {
        return rules.revision();
    }

    /** Enabled rules with the revision they belong to. */
    @Transactional
    public RuleSetData loadEnabled() {
        long revision = revision();
        List<RuleDefinition> enabled = rules.list("enabled", Sort.by("id"), true).stream()
                .map(codec::definition).toList();
        return new RuleSetData(revision, enabled);
    }

    public record RuleSetData(long revision, List<RuleDefinition> rules) {
    }

    void validate(RuleRequest request) {
        if (request == null) {
            throw ApiException.invalidField("type", "A rule needs a type.");
        }
        if (request.type() == null) {
            throw ApiException.invalidField("type", "A rule needs a type: one of " + List.of(RuleType.values()) + ".");
        }
        if (request.description() != null && request.description().length() > 1000) {
            throw ApiException.invalidField("description", "The description may have at most 1000 characters.");
        }
        RuleConfig c = request.config();
        int maxTerms = config.rules().maxTerms();
        if (c.terms() != null && c.terms().size() > maxTerms) {
            throw ApiException.invalidField("terms", "A rule may have at most " + maxTerms + " terms (it has "
                    + c.terms().size() + "); split the list into several rules.");
        }
        switch (request.type()) {
            case FLOOD -> {
                Integer interval = c.intervalSeconds();
                if (interval == null || interval < 1 || interval > MAX_INTERVAL_SECONDS) {
                    throw ApiException.invalidField("intervalSeconds",
                            "intervalSeconds must be a whole number from 1 to " + MAX_INTERVAL_SECONDS + ".");
                }
            }
            case DUPLICATES, FIRST_COMMENT -> {
                // nothing to configure
            }
            default -> {
                try {
                    CompiledRules.validate(new RuleDefinition(0, request.type(), request.actionOrDefault(), c));
                } catch (InvalidRuleException e) {
                    throw ApiException.invalidField(e.field(), capitalize(e.reason()) + ".");
                }
            }
        }
    }

    private static String capitalize(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private void apply(Rule rule, RuleRequest request) {
        rule.type = request.type();
        rule.action = request.actionOrDefault();
        rule.enabled = request.enabled() == null || request.enabled();
        rule.description = request.description();
        rule.config = codec.write(request.config());
    }

    private static void stamp(Rule rule, String actor, Instant now) {
        rule.updatedAt = now;
        rule.updatedBy = actor;
    }

    private Rule find(long id) {
        Rule rule = rules.findById(id);
        if (rule == null) {
            throw ApiException.notFound("There is no rule " + id + ".");
        }
        return rule;
    }
}
