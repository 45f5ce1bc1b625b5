package com.newsroom.comments.common;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types that Jackson reads or writes outside JAX-RS signatures (rule settings stored as JSON, the
 * optional decision body, problem details written by the body-size route). Quarkus registers resource
 * parameter and return types itself; these it cannot see, and a native image needs them registered.
 */
@RegisterForReflection(targets = {
        com.newsroom.comments.moderation.engine.RuleConfig.class,
        com.newsroom.comments.moderation.engine.Field.class,
        com.newsroom.comments.queue.DecisionRequest.class,
        com.newsroom.comments.problem.Problem.class,
        com.newsroom.comments.problem.Problem.FieldError.class,
        com.newsroom.comments.common.PagedList.class,
        com.newsroom.comments.audit.AuditView.class,
        com.newsroom.comments.moderation.CheckResource.ReasonView.class,
        com.newsroom.comments.queue.ModeratedComment.ParentSummary.class })
public final class NativeReflection {

    private NativeReflection() {
    }
}
