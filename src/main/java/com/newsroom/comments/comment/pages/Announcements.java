package com.newsroom.comments.comment.pages;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The changes this instance has committed and not yet announced to the others: article ids, or
 * {@link PublicPagesChannel#ALL}. Many changes of one article between two announcements go out as
 * one, and past {@code limit} distinct articles (a long loss of the connection) the whole set becomes
 * "every article", so memory stays bounded and nothing is forgotten.
 */
final class Announcements {

    private final int limit;
    private final Set<String> pending = new LinkedHashSet<>();

    Announcements(int limit) {
        this.limit = limit;
    }

    /** Adds one change: an article id, or {@link PublicPagesChannel#ALL}. */
    synchronized void add(String target) {
        if (pending.contains(PublicPagesChannel.ALL)) {
            return; // already the widest announcement
        }
        if (target.equals(PublicPagesChannel.ALL) || (pending.size() >= limit && !pending.contains(target))) {
            pending.clear();
            pending.add(PublicPagesChannel.ALL);
            return;
        }
        pending.add(target);
    }

    /** Puts back what {@link #drain} took when it could not be sent. */
    synchronized void addAll(List<String> targets) {
        targets.forEach(this::add);
    }

    /** Everything pending, oldest first, and empty afterwards. */
    synchronized List<String> drain() {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<String> targets = List.copyOf(pending);
        pending.clear();
        return targets;
    }
}
