package com.newsroom.comments.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.newsroom.comments.bots.Altcha;
import com.newsroom.comments.bots.BotKeys;
import com.newsroom.comments.bots.FormTokens;

/**
 * What the bot checks cost the server per submission, without the database: checking a form token
 * (one HMAC-SHA256) and verifying an ALTCHA solution (base64, JSON, one HMAC-SHA256, one SHA-256).
 * Spending the solution (one INSERT) is measured by bench/bots.sh, in the POST throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BotChecksBenchmark {

    static final String ARTICLE = "article-0042";

    FormTokens tokens;
    FormTokens rotatedTokens;
    Altcha altcha;
    String token;
    String solution;
    Instant now;

    @Setup
    public void setUp() {
        BotKeys keys = new BotKeys(List.of("bench-only-bots-hmac-key"));
        tokens = new FormTokens(keys, Duration.ofSeconds(3), Duration.ofDays(1));
        // During a rotation a token of the old key is checked against the new one first: two HMACs.
        rotatedTokens = new FormTokens(new BotKeys(List.of("bench-only-next-hmac-key", "bench-only-bots-hmac-key")),
                Duration.ofSeconds(3), Duration.ofDays(1));
        altcha = new Altcha(keys, 100_000, Duration.ofMinutes(20));
        now = Instant.now();
        token = tokens.issue(ARTICLE, now.minusSeconds(30));
        Altcha.Challenge c = altcha.create(now);
        long n = 0;
        while (!Altcha.sha256Hex(c.salt() + n).equals(c.challenge())) {
            n++;
        }
        String json = "{\"algorithm\":\"SHA-256\",\"challenge\":\"" + c.challenge() + "\",\"number\":" + n + ",\"salt\":\""
                + c.salt() + "\",\"signature\":\"" + c.signature() + "\",\"took\":812}";
        solution = Base64.getEncoder().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Benchmark
    public FormTokens.Check formToken() {
        return tokens.check(ARTICLE, token, now);
    }

    @Benchmark
    public FormTokens.Check formTokenDuringRotation() {
        return rotatedTokens.check(ARTICLE, token, now);
    }

    @Benchmark
    public Altcha.Solution proofOfWork() throws Altcha.InvalidSolution {
        return altcha.verify(solution, now);
    }

    /** Both, as a submission with a token and a solution costs them. */
    @Benchmark
    public Object submission() throws Altcha.InvalidSolution {
        tokens.check(ARTICLE, token, now);
        return altcha.verify(solution, now);
    }

    /** For scale: issuing a token (GET form-token) and a challenge (GET challenge). */
    @Benchmark
    public String issueToken() {
        return tokens.issue(ARTICLE, now);
    }

    @Benchmark
    public Altcha.Challenge issueChallenge() {
        return altcha.create(now);
    }
}
