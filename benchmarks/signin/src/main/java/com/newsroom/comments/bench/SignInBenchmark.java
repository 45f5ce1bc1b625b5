package com.newsroom.comments.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import com.newsroom.comments.signin.FailedSignIns;
import com.newsroom.comments.signin.SignInThrottle;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * What a refused sign-in costs the service before it answers 429, against a checked one. A throttled
 * attempt is SignInService.signIn's refusing branch: the throttle's decision and the failure counted for
 * the audit log (no bcrypt, no database). Each operation is 1,000 such attempts with made-up user names
 * from one address that used up its failures ({@code throttledByAddress}), or from an address that failed
 * on an account under a distributed attack ({@code throttledByAccount}); scores are per attempt. The
 * baseline, {@code checked}, is the one bcrypt (cost 10, as the service hashes) every attempt that is not
 * throttled costs, whatever the user name. The HTTP request around it is not included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SignInBenchmark {

    static final int ATTEMPTS = 1_000;
    /** The service's defaults (config.CommentsConfig.Signin). */
    static final SignInThrottle.Policy POLICY = new SignInThrottle.Policy(10, Duration.ofSeconds(60), 10,
            Duration.ofSeconds(10), Duration.ofMinutes(15));
    static final String PASSWORD = "a perfectly long pass phrase";

    /** A clock that stands still: no attempt comes back to the throttled addresses during the run. */
    long now = 1_000_000_000_000L;
    SignInThrottle throttle;
    FailedSignIns failures;
    String[] names;
    String hash;

    @Setup
    public void setUp() {
        throttle = new SignInThrottle(POLICY, () -> now);
        failures = new FailedSignIns();
        names = new String[ATTEMPTS];
        for (int i = 0; i < ATTEMPTS; i++) {
            names[i] = "guess-" + Integer.toHexString(0x5f3759df * (i + 1));
        }
        // 203.0.113.1 uses up its ten failures.
        for (int i = 0; i < POLICY.addressFailures(); i++) {
            require(throttle.acquire("203.0.113.1", names[i]).allowed(), "a fresh address is allowed");
            throttle.failed("203.0.113.1", names[i]);
        }
        require(!throttle.acquire("203.0.113.1", "admin").allowed(), "the address is throttled");
        // 203.0.113.2 failed once on admin; then ten other addresses fail on admin, and it takes the account's slot.
        require(throttle.acquire("203.0.113.2", "admin").allowed(), "a fresh address is allowed");
        throttle.failed("203.0.113.2", "admin");
        for (int i = 0; i < POLICY.accountFailures(); i++) {
            require(throttle.acquire("198.51.100." + i, "admin").allowed(), "a fresh address is allowed");
            throttle.failed("198.51.100." + i, "admin");
        }
        require(throttle.acquire("203.0.113.2", "admin").allowed(), "the account's slot is free once");
        require(!throttle.acquire("203.0.113.2", "admin").allowed(), "then the account slows it down");
        require(throttle.acquire("192.0.2.9", "admin").allowed(), "a clean address is never slowed by the account");
        hash = BcryptUtil.bcryptHash(PASSWORD);
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("set-up: " + what);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ATTEMPTS)
    public void throttledByAddress(Blackhole blackhole) {
        for (String name : names) {
            blackhole.consume(refused("203.0.113.1", name));
        }
    }

    @Benchmark
    @OperationsPerInvocation(ATTEMPTS)
    public void throttledByAccount(Blackhole blackhole) {
        for (int i = 0; i < ATTEMPTS; i++) {
            blackhole.consume(refused("203.0.113.2", "admin"));
        }
    }

    /** SignInService.signIn up to its 429: the decision, then the throttled attempt counted for the audit log. */
    private SignInThrottle.Decision refused(String address, String username) {
        SignInThrottle.Decision decision = throttle.acquire(address, username);
        if (decision.allowed()) {
            throw new IllegalStateException("not throttled: " + address + " " + username);
        }
        failures.record(username, false, true, address, Instant.now());
        return decision;
    }

    @Benchmark
    public boolean checked() {
        return BcryptUtil.matches("a wrong guess at it", hash);
    }
}
