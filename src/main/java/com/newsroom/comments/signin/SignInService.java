package com.newsroom.comments.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.newsroom.comments.audit.AuditLog;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.moderator.FirstAdmin;
import com.newsroom.comments.moderator.ModeratorAccounts;
import com.newsroom.comments.moderator.ModeratorAccounts.Account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * Checks a user name and password: the throttle first (a refused attempt costs no bcrypt and no database
 * round trip), then exactly one bcrypt whatever the account's state; counts failures for the audit log.
 */
@ApplicationScoped
public class SignInService {

    private static final Logger LOG = Logger.getLogger(SignInService.class);
    /** Sign-in attempts by outcome: success and failure cost one bcrypt each, throttled ones none. */
    public static final String PASSWORD_CHECKS = "comments.signin.attempts";

    /** The outcome: an account, or refused ({@code retryAfter} set when throttled). */
    public record Outcome(Optional<Account> account, Duration retryAfter) {
        public boolean throttled() {
            return retryAfter != null;
        }
    }

    private final ModeratorAccounts accounts;
    private final FirstAdmin firstAdmin;
    private final AuditLog audit;
    private final SignInThrottle throttle;
    private final FailedSignIns failures = new FailedSignIns();
    private final Counter checkedOk;
    private final Counter checkedFailed;
    private final Counter throttled;

    public SignInService(ModeratorAccounts accounts, FirstAdmin firstAdmin, AuditLog audit, CommentsConfig config,
            MeterRegistry registry) {
        this.accounts = accounts;
        this.firstAdmin = firstAdmin;
        this.audit = audit;
        this.checkedOk = registry.counter(PASSWORD_CHECKS, "outcome", "success");
        this.checkedFailed = registry.counter(PASSWORD_CHECKS, "outcome", "failure");
        this.throttled = registry.counter(PASSWORD_CHECKS, "outcome", "throttled");
        CommentsConfig.SignIn signin = config.signin();
        this.throttle = new SignInThrottle(new SignInThrottle.Policy(signin.addressFailures(), signin.addressRefill(),
                signin.accountFailures(), signin.accountDelay(), signin.accountWindow()), System::nanoTime);
    }

    /** Blocking (bcrypt, database): call on a worker thread. */
    public Outcome signIn(String username, String password, String address) {
        SignInThrottle.Decision decision = throttle.acquire(address, username);
        if (!decision.allowed()) {
            throttled.increment();
            failures.record(username, false, true, address, Instant.now());
            return new Outcome(Optional.empty(), decision.retryAfter());
        }
        firstAdmin.awaitCreation(); // right after a first start, the configured admin may be being created
        ModeratorAccounts.Verification verification;
        try {
            verification = accounts.verify(username, password);
        } catch (RuntimeException e) {
            throttle.succeeded(address, username); // not the client's failure: give the attempt back
            throw e;
        }
        (verification.account().isPresent() ? checkedOk : checkedFailed).increment();
        if (verification.account().isPresent()) {
            throttle.succeeded(address, username);
            return new Outcome(verification.account(), null);
        }
        throttle.failed(address, username);
        failures.record(username, verification.known(), false, address, Instant.now());
        return new Outcome(Optional.empty(), null);
    }

    /** Writes what failed since the last run: one audit entry per account, one for all unknown names. */
    @Scheduled(every = "${comments.signin.audit-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flushFailures() {
        flush();
    }

    @Transactional
    void flush() {
        for (FailedSignIns.Summary summary : failures.drain()) {
            audit.record(new AuditLog.Event(truncate(summary.actor()), "SIGN_IN_FAILED", null, null, null, null, null,
                    null, summary.details()), summary.last());
        }
    }

    /** Writes what failed so far now (tests, shutdown). */
    public void flushNow() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warnf("Could not write failed sign-ins to the audit log: %s", e.toString());
        }
    }

    private static String truncate(String actor) {
        return actor.length() > 100 ? actor.substring(0, 100) : actor;
    }
}
