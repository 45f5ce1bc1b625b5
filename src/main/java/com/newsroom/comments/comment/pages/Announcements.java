package com.newsroom.comments.comment.pages;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The changes this instance has committed and not yet announced to the others: article ids, or
 * {@link PublicPagesChannel#ALL}. Many changes of one article between two announcements go out as
 * one, and past {@code limit} distinct articles (a long loss of the connection) the whole set becomes
 * "every article", so memory stays bounded and nothing is forgotten. The relayed messages of the moderators'
 * feed use the same queue with their own "everything" ({@link Relayed#RESYNC}); past the limit, the messages
 * waiting give way to it and the newer ones are kept after it.
 */
final class Announcements {

    private final int limit;
    private final String all;
    private final boolean widestOnly;
    private final Set<String> pending = new LinkedHashSet<>();

    Announcements(int limit) {
        this(limit, PublicPagesChannel.ALL, true);
    }

    /** widestOnly: nothing is added after {@code all} (it covers everything); else later messages still are. */
    Announcements(int limit, String all, boolean widestOnly) {
        this.limit = limit;
        this.all = all;
        this.widestOnly = widestOnly;
    }

    /** Adds one change: an article id, or {@link PublicPagesChannel#ALL}. */
    synchronized void add(String target) {
        if (widestOnly && pending.contains(all)) {
            return; // already the widest announcement
        }
        if (target.equals(all) || (pending.size() >= limit && !pending.contains(target))) {
            pending.clear();
            pending.add(all);
            if (!widestOnly && !target.equals(all)) {
                pending.add(target);
            }
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
