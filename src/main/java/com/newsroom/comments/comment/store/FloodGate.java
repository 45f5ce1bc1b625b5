package com.newsroom.comments.comment.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Flood control's decisions for one write batch. It starts from the last submission time of every
 * author key as stored (and locked) in the database, and takes the batch's comments in submission
 * order, so two comments of one author in the same batch are judged as if they had come one by one.
 * Plain Java: no database, no clock.
 */
final class FloodGate {

    private final Map<String, Instant> last;
    private final Map<String, Instant> admitted = new HashMap<>();

    FloodGate(Map<String, Instant> lastSubmitted) {
        this.last = new HashMap<>(lastSubmitted);
    }

    /**
     * Admits a comment whose author has every one of {@code keys} (IP, e-mail) free for {@code interval}
     * before {@code now}, and records {@code now} for them; otherwise records nothing and returns how
     * long the author must wait.
     */
    Optional<Duration> admit(Collection<String> keys, Instant now, Duration interval) {
        Duration wait = Duration.ZERO;
        for (String key : keys) {
            Instant previous = last.get(key);
            if (previous != null) {
                Duration keyWait = Duration.between(now, previous.plus(interval));
                if (keyWait.compareTo(wait) > 0) {
                    wait = keyWait;
                }
            }
        }
        if (!wait.isZero()) {
            return Optional.of(wait);
        }
        for (String key : keys) {
            last.put(key, now);
            admitted.put(key, now);
        }
        return Optional.empty();
    }

    /** The keys of the admitted comments, with the time to store for each. */
    Map<String, Instant> admitted() {
        return admitted;
    }
}
