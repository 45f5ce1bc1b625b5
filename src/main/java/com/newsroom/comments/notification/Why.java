package com.newsroom.comments.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.newsroom.comments.comment.ModerationReason;
import com.newsroom.comments.report.ReportReason;

/** Why a comment waits, in lines a moderator reads in a digest. Plain Java. */
final class Why {

    static final int EXCERPT = 300;
    private static final String REPORTS = "REPORTS";

    private Why() {
    }

    /**
     * The rules that fired (the matched text with its field), the moderator who held it, and readers'
     * open reports with their reasons.
     *
     * @param pending     the comment is held (not published)
     * @param moderatedBy who last decided on it, null when only the engine has
     * @param openReports open reports per reason; empty when none
     */
    static List<String> of(boolean pending, String moderatedBy, List<ModerationReason> reasons,
            Map<ReportReason, Integer> openReports) {
        List<String> lines = new ArrayList<>();
        boolean hiddenByReports = false;
        for (ModerationReason r : reasons) {
            if (REPORTS.equals(r.ruleType)) {
                hiddenByReports = true;
                if (openReports.isEmpty() && r.detail != null) {
                    lines.add(r.detail);
                }
                continue;
            }
            StringBuilder line = new StringBuilder(r.ruleType).append(" rule");
            if (r.detail != null && !r.detail.isBlank()) {
                line.append(": ").append(r.detail);
            } else if (r.match != null) {
                line.append(": \"").append(r.match).append('"').append(r.field == null ? "" : " in " + r.field);
            }
            line.append(" (").append(r.action.toLowerCase(Locale.ROOT)).append(')');
            lines.add(line.toString());
        }
        if (pending && moderatedBy != null && !hiddenByReports) {
            lines.add("Held by " + moderatedBy);
        }
        if (!openReports.isEmpty()) {
            int count = openReports.values().stream().mapToInt(Integer::intValue).sum();
            lines.add((count == 1 ? "Reported by 1 reader: " : "Reported by " + count + " readers: ")
                    + openReports.entrySet().stream()
                            .map(e -> e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + e.getValue())
                            .collect(Collectors.joining(", ")));
        }
        if (lines.isEmpty()) {
            lines.add(pending ? "Held for a moderator" : "Waiting for a moderator");
        }
        return lines;
    }

    /** Whitespace collapsed, cut to {@link #EXCERPT} characters (never inside a surrogate pair). */
    static String excerpt(String text) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= EXCERPT) {
            return flat;
        }
        int end = Character.isHighSurrogate(flat.charAt(EXCERPT - 1)) ? EXCERPT - 1 : EXCERPT;
        return flat.substring(0, end) + "…";
    }
}
