package com.newsroom.comments.signin;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.newsroom.comments.audit.AuditLog;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.moderator.AccountChanged;
import com.newsroom.comments.moderator.ModeratorAccounts.Account;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Sessions: created at sign-in, kept in PostgreSQL (so that a sign-out or a revocation through any
 * instance holds on all of them), checked against the database at most once per recheck interval per
 * instance for reads and on every request that may change something, and ended by idle timeout, absolute
 * lifetime, sign-out, password change, disabled or deleted account, or an admin's sign-out everywhere.
 */
@ApplicationScoped
public class Sessions {

    public static final String COOKIE = "moderator_session";
    /** How stale a session's last-seen time may get before a check writes it again. */
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(60);

    /** A session this instance checked at {@code checkedAt} (nanoTime), with the identity it signs in. */
    record Entry(String username, byte[] tokenHash, Instant expiresAt, SecurityIdentity identity, long checkedAt) {
    }

    /** A new session: the token goes into the cookie and nowhere else. */
    public record Created(String token, String username, Instant expiresAt, Duration maxAge) {
    }

    private final SessionRepository sessions;
    private final AuditLog audit;
    private final Duration idle;
    private final Duration absolute;
    private final long recheckNanos;
    private final Cache<String, Entry> checked;

    public Sessions(SessionRepository sessions, AuditLog audit, CommentsConfig config) {
        this.sessions = sessions;
        this.audit = audit;
        this.idle = config.signin().idleTimeout();
        this.absolute = config.signin().absoluteTimeout();
        this.recheckNanos = config.signin().recheckInterval().toNanos();
        this.checked = Caffeine.newBuilder().maximumSize(10_000)
                .expireAfterWrite(Math.max(recheckNanos, 1), TimeUnit.NANOSECONDS).build();
    }

    /** Creates a session for {@code account} (signed in from {@code address}) and writes SIGN_IN to the audit log. */
    @Transactional
    public Created create(Account account, String address) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String token = Hashes.newToken();
        ModeratorSession session = new ModeratorSession();
        session.tokenHash = Hashes.sha256(token);
        session.moderatorId = sessions.moderatorId(account.username())
                .orElseThrow(() -> new IllegalStateException("The account disappeared"));
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(absolute);
        sessions.persist(session);
        audit.record(new AuditLog.Event(account.username(), "SIGN_IN", null, null, null, null, null, null,
                "session, from " + address), now);
        return new Created(token, account.username(), endOf(now, session.expiresAt), absolute);
    }

    /**
     * The identity of a session this instance checked within the recheck interval, without any I/O; null
     * when the database must be asked ({@link #check}). Requests that may change something always ask it.
     */
    SecurityIdentity cached(byte[] tokenHash, boolean safe) {
        if (!safe) {
            return null;
        }
        Entry entry = checked.getIfPresent(Hashes.key(tokenHash));
        return entry != null && System.nanoTime() - entry.checkedAt() < recheckNanos
                && Instant.now().isBefore(entry.expiresAt()) ? entry.identity() : null;
    }

    /** Asks the database whether the session is live (blocking); ends it there if it timed out. */
    @Transactional
    public Optional<SecurityIdentity> check(byte[] tokenHash) {
        Instant now = Instant.now();
        Optional<SessionRepository.Live> found = sessions.findLive(tokenHash);
        if (found.isEmpty()) {
            checked.invalidate(Hashes.key(tokenHash));
            return Optional.empty();
        }
        SessionRepository.Live live = found.get();
        if (!live.enabled() || !now.isBefore(live.expiresAt()) || !now.isBefore(live.lastSeenAt().plus(idle))) {
            sessions.deleteById(tokenHash);
            checked.invalidate(Hashes.key(tokenHash));
            return Optional.empty();
        }
        Instant lastSeen = live.lastSeenAt();
        if (lastSeen.isBefore(now.minus(TOUCH_EVERY))) {
            lastSeen = now.truncatedTo(ChronoUnit.MICROS);
            sessions.touch(tokenHash, lastSeen);
        }
        Instant end = endOf(lastSeen, live.expiresAt());
        SecurityIdentity identity = Identities.of(live.username(), live.role(),
                Map.of(Identities.EXPIRES_AT, end, Identities.TOKEN_HASH, tokenHash));
        checked.put(Hashes.key(tokenHash), new Entry(live.username(), tokenHash, end, identity, System.nanoTime()));
        return Optional.of(identity);
    }

    /** Ends the session with this token (sign-out); writes SIGN_OUT. Unknown tokens are ignored. */
    @Transactional
    public void signOut(String token) {
        byte[] hash = Hashes.sha256(token);
        Optional<SessionRepository.Live> live = sessions.findLive(hash);
        sessions.deleteById(hash);
        checked.invalidate(Hashes.key(hash));
        live.ifPresent(l -> audit.record(new AuditLog.Event(l.username(), "SIGN_OUT", null, null, null, null, null, null,
                "session"), Instant.now()));
    }

    /** Ends the moderator's sessions where the change calls for it, in the transaction that made the change. */
    void onAccountChanged(@Observes AccountChanged change) {
        if (change.change().endsSessions()) {
            long ended = sessions.deleteFor(change.username());
            String action = switch (change.change()) {
                case PASSWORD -> "PASSWORD_CHANGE";
                case SIGNED_OUT_EVERYWHERE -> "SIGN_OUT_EVERYWHERE";
                default -> null;
            };
            if (action != null) {
                audit.record(new AuditLog.Event(change.actor(), action, null, null, null, null, null, null,
                        "for " + change.username() + ", " + ended + " session" + (ended == 1 ? "" : "s") + " ended"),
                        Instant.now());
            }
        }
        checked.asMap().values().removeIf(e -> e.username().equals(change.username()));
    }

    /** Removes sessions that ended by timeout and were not used since. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        Instant now = Instant.now();
        sessions.deleteExpired(now.minus(idle), now);
    }

    /** When a session last seen at {@code lastSeen} ends: idle timeout or absolute lifetime, the earlier. */
    private Instant endOf(Instant lastSeen, Instant expiresAt) {
        Instant idleEnd = lastSeen.plus(idle);
        return idleEnd.isBefore(expiresAt) ? idleEnd : expiresAt;
    }
}
