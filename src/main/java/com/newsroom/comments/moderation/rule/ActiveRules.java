package com.newsroom.comments.moderation.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.moderation.engine.CompiledRules;
import com.newsroom.comments.moderation.engine.InvalidRuleException;
import com.newsroom.comments.moderation.engine.RuleAction;
import com.newsroom.comments.moderation.engine.RuleDefinition;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The rules in force on this instance, compiled once and swapped atomically. Every instance polls the
 * shared rule-set revision, so a change made through any instance is in force everywhere within one
 * poll interval ({@code comments.rules.refresh-interval}); the changing instance reloads at once.
 * <p>
 * The first load runs in the background from start-up (loading and compiling a large rule set would
 * lengthen the start-up path). Nothing is ever moderated without the rules: {@link #current()}
 * waits for that first load, or does it itself if it failed.
 */
@ApplicationScoped
public class ActiveRules {

    private static final Logger LOG = Logger.getLogger(ActiveRules.class);

    /** What the engine compiled, plus the rules that need the database and so live in the service. */
    public record Snapshot(long revision, CompiledRules engine, Duration floodInterval, boolean duplicatesEnabled,
            FirstCommentRule firstComment) {
    }

    public record FirstCommentRule(long ruleId, RuleAction action) {
    }

    static final Snapshot NONE = new Snapshot(-1, CompiledRules.empty(), Duration.ZERO, false, null);

    private final RuleStore store;
    private final Optional<Duration> maxFloodInterval;
    private final AtomicReference<Snapshot> current = new AtomicReference<>(NONE);

    @Inject
    public ActiveRules(RuleStore store, CommentsConfig config) {
        this(store, config.rules().maxFloodInterval());
    }

    ActiveRules(RuleStore store, Optional<Duration> maxFloodInterval) {
        this.store = store;
        this.maxFloodInterval = maxFloodInterval;
    }

    void onStart(@Observes StartupEvent event) {
        Thread loader = new Thread(this::initialLoad, "rules-initial-load");
        loader.setDaemon(true);
        loader.start();
    }

    void initialLoad() {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            loadIfNone();
        } catch (RuntimeException e) {
            // Start anyway: the first comment (or the next poll) loads the rules once the database answers.
            LOG.warnf("Could not load the moderation rules at start: %s", e.toString());
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    /** The rules in force; the first call after start-up waits for them to be loaded. */
    public Snapshot current() {
        Snapshot snapshot = current.get();
        return snapshot == NONE ? loadIfNone() : snapshot;
    }

    /** Whether {@link #current()} answers without waiting: callers on the event loop must not wait. */
    public boolean isLoaded() {
        return current.get() != NONE;
    }

    /** Loads the rules unless a load (the one from start-up, which holds the lock meanwhile) put them in force. */
    synchronized Snapshot loadIfNone() {
        Snapshot snapshot = current.get();
        return snapshot == NONE ? reload() : snapshot;
    }

    @Scheduled(every = "${comments.rules.refresh-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            if (current.get() == NONE) {
                loadIfNone();
            } else if (store.revision() != current.get().revision()) {
                reload();
            }
        } catch (RuntimeException e) {
            // Database briefly away: keep the rules in force, try again at the next poll.
            LOG.warnf("Could not check for rule changes: %s", e.toString());
        }
    }

    /**
     * Saved rules are validated, so the set compiles; should a hand-edited row break it, the bad rule
     * is left out (and logged) rather than the whole set.
     */
    private static CompiledRules compile(List<RuleDefinition> rules) {
        try {
            return CompiledRules.compile(rules);
        } catch (InvalidRuleException e) {
            List<RuleDefinition> valid = new ArrayList<>();
            for (RuleDefinition rule : rules) {
                try {
                    CompiledRules.validate(rule);
                    valid.add(rule);
                } catch (InvalidRuleException invalid) {
                    LOG.errorf("Rule %d is invalid and ignored: %s", rule.id(), invalid.getMessage());
                }
            }
            return CompiledRules.compile(valid);
        }
    }

    /** Loads and compiles the enabled rules, and puts them in force. */
    public synchronized Snapshot reload() {
        RuleStore.RuleSetData data = store.loadEnabled();
        List<RuleDefinition> engineRules = new ArrayList<>();
        Duration flood = Duration.ZERO;
        boolean duplicates = false;
        FirstCommentRule firstComment = null;
        for (RuleDefinition rule : data.rules()) {
            switch (rule.type()) {
                case FLOOD -> {
                    Duration interval = Duration.ofSeconds(rule.config().intervalSeconds());
                    flood = interval.compareTo(flood) > 0 ? interval : flood;
                }
                case DUPLICATES -> duplicates = true;
                case FIRST_COMMENT -> firstComment = new FirstCommentRule(rule.id(), rule.action());
                default -> engineRules.add(rule);
            }
        }
        if (maxFloodInterval.isPresent() && flood.compareTo(maxFloodInterval.get()) > 0) {
            flood = maxFloodInterval.get();
        }
        long started = System.nanoTime();
        CompiledRules engine = compile(engineRules);
        Snapshot snapshot = new Snapshot(data.revision(), engine, flood, duplicates, firstComment);
        current.set(snapshot);
        LOG.infof("Rule set revision %d in force: %d engine rules compiled in %d ms", data.revision(),
                engine.ruleCount(), (System.nanoTime() - started) / 1_000_000);
        return snapshot;
    }
}
