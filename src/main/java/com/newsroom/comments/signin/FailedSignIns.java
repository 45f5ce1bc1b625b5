package com.newsroom.comments.signin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed and throttled sign-ins, counted in memory between two flushes to the audit log: one entry per
 * account per interval, and one for all unknown user names together, whatever the number of guesses.
 * Plain Java.
 */
public final class FailedSignIns {

    /** The actor of the entry that gathers unknown user names. */
    public static final String UNKNOWN_USERS = "(unknown users)";
    /** Most accounts (and addresses per account) counted between two flushes; beyond them only the totals grow. */
    static final int MAX_TRACKED = 10_000;

    /** What one account (or all unknown names) saw since the last flush. */
    public record Summary(String actor, int failed, int throttled, int addresses, int names, Instant first, Instant last) {

        public String details() {
            String text = failed + " failed sign-in" + (failed == 1 ? "" : "s") + ", " + throttled + " throttled, from "
                    + addresses + " address" + (addresses == 1 ? "" : "es");
            return names > 0 ? text + " for " + names + " user name" + (names == 1 ? "" : "s") : text;
        }
    }

    private static final class Tally {
        int failed;
        int throttled;
        final Set<String> addresses = new HashSet<>();
        final Set<String> names = new HashSet<>();
        Instant first;
        Instant last;
    }

    private Map<String, Tally> tallies = new ConcurrentHashMap<>();

    /** One failed ({@code throttled == false}) or refused attempt; {@code known}: the user name is an account. */
    public void record(String username, boolean known, boolean throttled, String address, Instant at) {
        String actor = known ? username : UNKNOWN_USERS;
        Map<String, Tally> current = tallies;
        Tally tally = current.get(actor);
        if (tally == null) {
            if (current.size() >= MAX_TRACKED) {
                actor = UNKNOWN_USERS;
            }
            tally = current.computeIfAbsent(actor, a -> new Tally());
        }
        synchronized (tally) {
            if (throttled) {
                tally.throttled++;
            } else {
                tally.failed++;
            }
            if (tally.addresses.size() < MAX_TRACKED) {
                tally.addresses.add(address);
            }
            if (!known && username != null && tally.names.size() < MAX_TRACKED) {
                tally.names.add(username);
            }
            if (tally.first == null) {
                tally.first = at;
            }
            tally.last = at;
        }
    }

    /** What was counted since the last call, and a fresh start. */
    public synchronized List<Summary> drain() {
        Map<String, Tally> drained = tallies;
        tallies = new ConcurrentHashMap<>();
        List<Summary> summaries = new ArrayList<>();
        drained.forEach((actor, t) -> {
            synchronized (t) {
                summaries.add(new Summary(actor, t.failed, t.throttled, t.addresses.size(), t.names.size(), t.first, t.last));
            }
        });
        return summaries;
    }
}
