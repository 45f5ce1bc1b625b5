package com.newsroom.comments.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One rule that fired for a comment, and where in the submitted field it matched. */
@Embeddable
public class ModerationReason {

    @Column(name = "rule_id")
    public Long ruleId;

    @Column(name = "rule_type", nullable = false)
    public String ruleType;

    public String field;

    @Column(name = "match_text")
    public String match;

    @Column(name = "start_offset")
    public Integer start;

    @Column(name = "end_offset")
    public Integer end;

    @Column(nullable = false)
    public String action;

    public String detail;

    public ModerationReason() {
    }

    public ModerationReason(Long ruleId, String ruleType, String field, String match, Integer start, Integer end,
            String action, String detail) {
        this.ruleId = ruleId;
        this.ruleType = ruleType;
        this.field = field;
        this.match = match;
        this.start = start;
        this.end = end;
        this.action = action;
        this.detail = detail;
    }
}
