package com.newsroom.comments.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.comment.ModerationReason;
import com.newsroom.comments.report.ReportReason;

class WhyTest {

    static ModerationReason reason(String type, String match, String detail) {
        return new ModerationReason(7L, type, "text", match, 0, 5, "HOLD", detail);
    }

    @Test
    void rulesHoldersAndReportsEachGetALine() {
        Map<ReportReason, Integer> reports = new EnumMap<>(ReportReason.class);
        reports.put(ReportReason.ABUSE, 2);
        reports.put(ReportReason.PERSONAL_INFO, 1);
        assertEquals(List.of("TERMS rule: \"bribe\" in text (hold)", "LINKS rule: 3 links (hold)",
                "Reported by 3 readers: abuse 2, personal info 1"),
                Why.of(true, null, List.of(reason("TERMS", "bribe", null), reason("LINKS", null, "3 links")), reports));
        assertEquals(List.of("Held by ayse"), Why.of(true, "ayse", List.of(), Map.of()));
        // Approved by a moderator, then hidden by readers' reports: the reports say why, not the approver.
        assertEquals(List.of("Reported by 3 readers (abuse)"),
                Why.of(true, "ayse", List.of(reason("REPORTS", null, "Reported by 3 readers (abuse)")), Map.of()));
        assertEquals(List.of("Held for a moderator"), Why.of(true, null, List.of(), Map.of()));
        assertEquals(List.of("Reported by 1 reader: spam 1"), Why.of(false, "ayse", List.of(), Map.of(ReportReason.SPAM, 1)));
    }

    @Test
    void excerptsAreFlatAndShort() {
        assertEquals("one two three", Why.excerpt("  one\n\ntwo\tthree "));
        String longText = "a".repeat(Why.EXCERPT - 1) + "😀" + "b".repeat(50);
        String cut = Why.excerpt(longText);
        assertEquals("a".repeat(Why.EXCERPT - 1) + "…", cut);
        assertEquals("", Why.excerpt(null));
    }

    @Test
    void theSummaryCountsWhatWaitsAndWhatIsNew() {
        DigestContent first = DigestContent.of("ayse", List.of(), 1, 1, true, "q");
        assertEquals("Please moderate: 1 comment waiting", first.subject());
        assertEquals("1 comment is waiting for a moderator.", first.summary());
        DigestContent later = DigestContent.of("ayse", List.of(), 60, 2, false, "q");
        assertEquals("Please moderate: 60 comments waiting (2 new)", later.subject());
        assertEquals("60 comments are waiting for a moderator, 2 new since your last digest.", later.summary());
        assertEquals("And 60 more in the queue.", later.moreLine());
        assertEquals("And 1 more in the queue.", first.moreLine());
    }
}
