package com.newsroom.comments.moderation.rule;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Rules, and the rule-set revision every instance polls to learn of a change. */
@ApplicationScoped
public class RuleRepository implements PanacheRepository<Rule> {

    /** The current revision of the rule set. */
    public long revision() {
        return ((Number) getEntityManager().createNativeQuery("select revision from rule_set_revision where id = 1")
                .getSingleResult()).longValue();
    }

    /** Tells every instance that the rule set changed, in the caller's transaction. */
    public void bumpRevision(Instant now) {
        getEntityManager()
                .createNativeQuery("update rule_set_revision set revision = revision + 1, changed_at = ?1 where id = 1")
                .setParameter(1, now)
                .executeUpdate();
    }
}
