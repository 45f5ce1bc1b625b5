package com.newsroom.comments.report;

import java.util.Locale;

/** Why a reader reports a comment. */
public enum ReportReason {
    SPAM,
    ABUSE,
    OFF_TOPIC,
    PERSONAL_INFO,
    OTHER;

    /** The reason named by {@code value} (any case, surrounding spaces ignored), or null. */
    static ReportReason parse(String value) {
        if (value == null) {
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        for (ReportReason reason : values()) {
            if (reason.name().equals(name)) {
                return reason;
            }
        }
        return null;
    }
}
