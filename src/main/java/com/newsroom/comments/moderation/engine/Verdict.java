package com.newsroom.comments.moderation.engine;

import java.util.List;

/** SPAM if any SPAM reason, else PENDING if any HOLD reason, else APPROVED. */
public record Verdict(Decision decision, List<Reason> reasons) {
    public Verdict {
        reasons = List.copyOf(reasons);
    }
}
