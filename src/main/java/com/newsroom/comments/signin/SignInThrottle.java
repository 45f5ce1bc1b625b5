package com.newsroom.comments.signin;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Decides, before any password is checked, whether a sign-in attempt may go ahead. Plain Java, in memory
 * (each instance throttles what it sees).
 * <ul>
 * <li>Per address: a bucket of {@code addressFailures} attempts, one back per {@code addressRefill}. Every
 * attempt takes one; a successful one gives it back, so only failures use the bucket up.</li>
 * <li>Per account: once it has {@code accountFailures} failures within {@code window}, an address that has
 * itself failed on the account in that window gets one attempt per {@code accountDelay}, shared with all
 * such addresses. An address without a failure on the account is never slowed by the account's state, so
 * no number of guesses from elsewhere keeps its moderator out.</li>
 * </ul>
 * Unknown user names are treated exactly like accounts, so the answers tell nothing about which exist.
 * The tables are bounded (least recently used entries go first).
 */
public final class SignInThrottle {

    /** Whether the attempt may go ahead; if not, when to try again. */
    public record Decision(boolean allowed, Duration retryAfter) {
        static final Decision ALLOWED = new Decision(true, Duration.ZERO);
    }

    public record Policy(int addressFailures, Duration addressRefill, int accountFailures, Duration accountDelay,
            Duration window) {
    }

    private static final int MAX_ENTRIES = 100_000;

    private final Policy policy;
    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> addresses;
    private final Cache<String, AccountState> accounts;
    private final Cache<String, Boolean> suspects;

    public SignInThrottle(Policy policy, LongSupplier nanoTime) {
        this.policy = policy;
        this.nanoTime = nanoTime;
        long window = policy.window().toNanos();
        long refillAll = policy.addressRefill().toNanos() * Math.max(1, policy.addressFailures());
        this.addresses = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterAccess(Math.max(window, refillAll),
                TimeUnit.NANOSECONDS).ticker(nanoTime::getAsLong).build();
        this.accounts = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterAccess(window, TimeUnit.NANOSECONDS)
                .ticker(nanoTime::getAsLong).build();
        this.suspects = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(window, TimeUnit.NANOSECONDS)
                .ticker(nanoTime::getAsLong).build();
    }

    /** Takes an attempt from the address's bucket (and the account's slot, for a suspect address). */
    public Decision acquire(String address, String account) {
        long now = nanoTime.getAsLong();
        Bucket bucket = addresses.get(address, a -> new Bucket(policy.addressFailures(), now));
        long addressWait;
        synchronized (bucket) {
            addressWait = bucket.take(now, policy.addressFailures(), policy.addressRefill().toNanos());
        }
        if (addressWait > 0) {
            return new Decision(false, Duration.ofNanos(addressWait));
        }
        if (suspects.getIfPresent(pair(address, account)) != null) {
            AccountState state = accounts.getIfPresent(key(account));
            if (state != null) {
                long accountWait;
                synchronized (state) {
                    accountWait = state.takeSlot(now, policy);
                }
                if (accountWait > 0) {
                    synchronized (bucket) {
                        bucket.giveBack(policy.addressFailures());
                    }
                    return new Decision(false, Duration.ofNanos(accountWait));
                }
            }
        }
        return Decision.ALLOWED;
    }

    /** The attempt failed: its token stays taken, and the account and the address remember it. */
    public void failed(String address, String account) {
        long now = nanoTime.getAsLong();
        AccountState state = accounts.get(key(account), a -> new AccountState(now));
        synchronized (state) {
            state.fail(now, policy.window().toNanos());
        }
        suspects.put(pair(address, account), Boolean.TRUE);
    }

    /** The attempt succeeded: the address gets its token back and is no longer a suspect for the account. */
    public void succeeded(String address, String account) {
        Bucket bucket = addresses.getIfPresent(address);
        if (bucket != null) {
            synchronized (bucket) {
                bucket.giveBack(policy.addressFailures());
            }
        }
        suspects.invalidate(pair(address, account));
    }

    private static String key(String account) {
        return account == null ? "" : account;
    }

    private static String pair(String address, String account) {
        return address + '\u0000' + key(account);
    }

    /** A token bucket: {@code tokens} whole attempts left, refilled one per interval since {@code refilledAt}. */
    private static final class Bucket {
        int tokens;
        long refilledAt;

        Bucket(int tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        /** Takes a token: 0 if one was there, else the nanoseconds until the next one. */
        long take(long now, int capacity, long interval) {
            if (tokens < capacity) {
                long earned = (now - refilledAt) / interval;
                if (earned > 0) {
                    tokens = (int) Math.min(capacity, tokens + earned);
                    refilledAt = tokens == capacity ? now : refilledAt + earned * interval;
                }
            } else {
                refilledAt = now;
            }
            if (tokens > 0) {
                tokens--;
                return 0;
            }
            return Math.max(1, refilledAt + interval - now);
        }

        void giveBack(int capacity) {
            tokens = Math.min(capacity, tokens + 1);
        }
    }

    /** An account's failures in the current window, and when its shared slot for suspect addresses opens next. */
    private static final class AccountState {
        long windowStart;
        int failures;
        long nextSlot;

        AccountState(long now) {
            this.windowStart = now;
            this.nextSlot = now;
        }

        void fail(long now, long window) {
            if (now - windowStart > window) {
                windowStart = now;
                failures = 0;
            }
            failures++;
        }

        long takeSlot(long now, Policy policy) {
            if (now - windowStart > policy.window().toNanos() || failures < policy.accountFailures()) {
                return 0;
            }
            if (now - nextSlot < 0) {
                return nextSlot - now;
            }
            nextSlot = now + policy.accountDelay().toNanos();
            return 0;
        }
    }
}
