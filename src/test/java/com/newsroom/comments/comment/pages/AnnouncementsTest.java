package com.newsroom.comments.comment.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class AnnouncementsTest {

    @Test
    void manyChangesOfAnArticleGoOutOnceInTheOrderTheyCame() {
        Announcements pending = new Announcements(10);
        pending.add("b");
        pending.add("a");
        pending.add("b");
        pending.add("b");
        assertEquals(List.of("b", "a"), pending.drain());
        assertEquals(List.of(), pending.drain(), "drained");
    }

    @Test
    void everyArticleCoversAllTheOthers() {
        Announcements pending = new Announcements(10);
        pending.add("a");
        pending.add(PublicPagesChannel.ALL);
        pending.add("b");
        assertEquals(List.of(PublicPagesChannel.ALL), pending.drain());
    }

    @Test
    void pastTheLimitTheAnnouncementBecomesEveryArticle() {
        Announcements pending = new Announcements(3);
        pending.add("a");
        pending.add("b");
        pending.add("c");
        pending.add("a");
        assertEquals(List.of("a", "b", "c"), pending.drain(), "a repeat is not a fourth article");
        pending.add("a");
        pending.add("b");
        pending.add("c");
        pending.add("d");
        assertEquals(List.of(PublicPagesChannel.ALL), pending.drain());
    }

    @Test
    void whatCouldNotBeSentIsKeptWithWhatCameMeanwhile() {
        Announcements pending = new Announcements(10);
        pending.add("a");
        pending.add("b");
        List<String> failed = pending.drain();
        pending.add("c");
        pending.add("a");
        pending.addAll(failed);
        assertEquals(List.of("c", "a", "b"), pending.drain());
    }

    @Test
    void relaysPastTheLimitGiveWayToOneResyncAndLaterOnesAreKept() {
        Announcements relays = new Announcements(3, Relayed.RESYNC, false);
        relays.add("HELD:1");
        relays.add("HELD:2");
        relays.add("HELD:3");
        relays.add("HELD:4");
        relays.add("HELD:5");
        assertEquals(List.of(Relayed.RESYNC, "HELD:4", "HELD:5"), relays.drain());
    }
}
