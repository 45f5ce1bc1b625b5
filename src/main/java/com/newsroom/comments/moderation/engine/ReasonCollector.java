package com.newsroom.comments.moderation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Per-evaluation reason list: dedupes identical hits and caps the output per rule. */
final class ReasonCollector {

    static final int MAX_PER_RULE = 20;

    private final RuleMeta[] rules;
    private int[] perRule;       // allocated on the first hit only: the common case has none
    private Reason[] reasons;
    private int[] ruleOf;
    private int size;

    ReasonCollector(RuleMeta[] rules) {
        this.rules = rules;
    }

    boolean isFull(int rule) {
        return perRule != null && perRule[rule] >= MAX_PER_RULE;
    }

    /** Adds a reason for rule index {@code rule} (action defaults to the rule's). */
    void add(int rule, Field field, String value, int start, int end, RuleAction action, String detail) {
        if (perRule == null) {
            perRule = new int[rules.length];
            reasons = new Reason[8];
            ruleOf = new int[8];
        }
        if (perRule[rule] >= MAX_PER_RULE) {
            return;
        }
        RuleAction a = action == null ? rules[rule].action() : action;
        boolean terms = rules[rule].type() == RuleType.TERMS;
        for (int i = 0; i < size; i++) {
            Reason r = reasons[i];
            if (ruleOf[i] != rule || r.field() != field || r.action() != a) {
                continue;
            }
            if (r.start() == start && r.end() == end) {
                return; // same hit seen again (e.g. by the second leet folding)
            }
            if (terms && r.start() <= start && end <= r.end()) {
                return; // inside a longer hit of the same rule: "ass" in "a$$hole" when both are terms
            }
            if (terms && start <= r.start() && r.end() <= end) {
                reasons[i] = reason(rule, field, value, start, end, a, detail); // the longer hit wins
                return;
            }
        }
        if (size == reasons.length) {
            reasons = Arrays.copyOf(reasons, size * 2);
            ruleOf = Arrays.copyOf(ruleOf, size * 2);
        }
        reasons[size] = reason(rule, field, value, start, end, a, detail);
        ruleOf[size] = rule;
        size++;
        perRule[rule]++;
    }

    private Reason reason(int rule, Field field, String value, int start, int end, RuleAction a, String detail) {
        RuleMeta m = rules[rule];
        return new Reason(m.id(), m.type(), field, value == null ? null : value.substring(start, end), start, end, a,
                detail);
    }

    Verdict verdict() {
        if (size == 0) {
            return CompiledRules.APPROVED;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        // Stable, readable order: rule order, then field, then position.
        Arrays.sort(order, (x, y) -> {
            int c = Integer.compare(ruleOf[x], ruleOf[y]);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(reasons[x].field().ordinal(), reasons[y].field().ordinal());
            if (c != 0) {
                return c;
            }
            c = Integer.compare(reasons[x].start(), reasons[y].start());
            return c != 0 ? c : Integer.compare(reasons[x].end(), reasons[y].end());
        });
        List<Reason> list = new ArrayList<>(size);
        Decision d = Decision.APPROVED;
        for (Integer i : order) {
            Reason r = reasons[i];
            list.add(r);
            if (r.action() == RuleAction.SPAM) {
                d = Decision.SPAM;
            } else if (d == Decision.APPROVED) {
                d = Decision.PENDING;
            }
        }
        return new Verdict(d, list);
    }
}
