package com.newsroom.comments.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/**
 * The service's own settings, under {@code comments.*}, and the one home of their defaults:
 * application.properties sets only what differs per profile, and the README's configuration table
 * lists them. Each can be overridden by an environment variable ({@code COMMENTS_LIMITS_TEXT}).
 */
@ConfigMapping(prefix = "comments")
public interface CommentsConfig {

    /**
     * The language of readers' answers when neither the request's {@code lang} nor its
     * {@code Accept-Language} names one with a bundle ({@code i18n/messages_<language>.properties}).
     */
    @WithDefault("en")
    String defaultLanguage();

    Limits limits();

    Redirect redirect();

    Rules rules();

    Admin admin();

    SignIn signin();

    Purge purge();

    PublicCache publicCache();

    Write write();

    Metrics metrics();

    Reports reports();

    Imports imports();

    interface Reports {
        /** Distinct reporters whose open reports send a published comment back to the queue. */
        @WithDefault("3")
        int holdThreshold();

        /** Fewer reporters giving one reason that also hide a comment; unset, only the hold threshold counts. */
        ReasonThresholds reasonThresholds();

        /** Most reports one reporter key (an address, an e-mail address) may make per {@link #window()}. */
        @WithDefault("10")
        int maxPerWindow();

        /** Flood control's window, which starts with a key's first report; 0 turns flood control off. */
        @WithDefault("10m")
        Duration window();
    }

    /** Per-reason hold thresholds ({@code comments.reports.reason-thresholds.personal-info=1}). */
    interface ReasonThresholds {
        OptionalInt spam();

        OptionalInt abuse();

        OptionalInt offTopic();

        OptionalInt personalInfo();

        OptionalInt other();
    }

    Webhooks webhooks();

    interface Webhooks {
        /**
         * Deliver to hosts that resolve to loopback, private, link-local, carrier-grade NAT or cloud metadata
         * addresses. Off: such URLs are refused when a webhook is saved and again at every delivery (DNS may
         * change). Tests turn it on for their local receivers.
         */
        @WithDefault("false")
        boolean allowPrivateNetworks();

        /** Only {@code https} URLs; off, {@code http} is accepted too. */
        @WithDefault("true")
        boolean requireHttps();

        @WithDefault("5s")
        Duration connectTimeout();

        /** How long a receiver may take to answer the headers of its response. */
        @WithDefault("10s")
        Duration readTimeout();

        /** Bytes of a receiver's response body kept with the delivery; the rest is not read. */
        @WithDefault("512")
        int responseLimit();

        /**
         * How long a delivery is retried before it is marked failed; a webhook whose deliveries have failed
         * for this long without a success in between is disabled.
         */
        @WithDefault("24h")
        Duration retryFor();

        /** The first retry's delay; each next one doubles, up to {@link #retryMaxInterval()}, less up to half as jitter. */
        @WithDefault("10s")
        Duration retryInitial();

        @WithDefault("1h")
        Duration retryMaxInterval();

        /**
         * How often an idle instance looks for events to fan out and deliveries that are due (another
         * instance's events, retries, leases run out). Its own events wake it at once, and it keeps going
         * without waiting while work remains.
         */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * Deliveries in flight at once on one instance, over all webhooks. They wait for their receivers
         * without holding a thread each; a receiver that hangs holds its slots for the timeouts.
         */
        @WithDefault("64")
        int concurrency();

        /**
         * How long events and their deliveries are kept after their fan-out (for the deliveries list and
         * redelivery); pending ones are kept until they end. Removed hourly.
         */
        @WithDefault("7d")
        Duration retention();
    }

    Digest digest();

    /** Moderators' e-mail digest of the comments waiting for them (the mail server: quarkus.mailer.*). */
    interface Digest {
        /** At most one digest per moderator per interval; one goes out only when a comment began waiting since the last. */
        @WithDefault("1h")
        Duration interval();

        /** How often each instance looks for moderators whose digest is due. */
        @WithDefault("1m")
        Duration pollInterval();

        /** The address moderators open the console at, for the links in the digest (no trailing slash). */
        @WithDefault("http://localhost:8080")
        String consoleUrl();

        /** Comments listed in one digest, the most recently waiting first; the rest are counted. */
        @WithDefault("50")
        int maxComments();
    }

    Bots bots();

    /** Defences against bots, checked before moderation (README, "Bots"). */
    interface Bots {
        /** The form field people never see or fill; a submission with it filled is spam. */
        @WithDefault("email_confirm")
        String honeypotField();

        /** A submission sooner than this after its form token was issued is held; 0 turns the time trap off. */
        @WithDefault("3")
        int minSeconds();

        /** A form token older than this is held as the too-fast ones are. */
        @WithDefault("1d")
        Duration maxTokenAge();

        /** Whether a submission without a form token is refused (400); off, it is judged by the other rules. */
        @WithDefault("false")
        boolean requireFormToken();

        /** Proof of work (ALTCHA): off, required on every submission, or adaptive (only for suspect clients). */
        @WithDefault("off")
        ProofOfWork proofOfWork();

        /** The challenge's difficulty: the solver tries on average half this many SHA-256 hashes. */
        @WithDefault("100000")
        int powMaxNumber();

        /** How long a challenge may be solved and used; its solution is remembered as spent this long. */
        @WithDefault("20m")
        Duration powExpiry();

        /** Adaptive mode: how long a client that sent a held or spam comment, or failed a check, is suspect. */
        @WithDefault("1h")
        Duration suspectFor();

        /**
         * The HMAC keys of form tokens and challenges, comma-separated: the first signs, every one is
         * accepted (rotation). Required in production when the time trap or proof of work is on; dev
         * mode and tests without one use a random key per start.
         */
        Optional<List<String>> hmacKey();

        enum ProofOfWork {
            OFF, REQUIRED, ADAPTIVE
        }
    }

    interface Write {
        /** Most comments stored in one transaction. */
        @WithDefault("64")
        int maxBatch();

        /** Threads storing batches: with two, one batch is prepared while the other commits. */
        @WithDefault("2")
        int writers();

        /** Comments waiting to be stored at most; beyond that, submissions get 503 with Retry-After. */
        @WithDefault("4096")
        int queueCapacity();

        /** How long a submission waits to be stored before it gets 503. */
        @WithDefault("30s")
        Duration timeout();
    }

    interface PublicCache {
        /**
         * How long a cached page may be served at most. Changes evict pages at once (through LISTEN/NOTIFY on
         * other instances), so this is a safety net; without {@link #listen()} it is how late a change through
         * another instance may show. 0 turns caching off.
         */
        @WithDefault("60s")
        Duration ttl();

        /**
         * On PostgreSQL: every committed change of public comments is announced with NOTIFY (what committed in
         * the last 100 ms, in one statement), and each instance LISTENs on its own connection and evicts the
         * pages that changed. Ignored on other databases.
         */
        @WithDefault("true")
        boolean listen();

        /**
         * How late a new approved comment may show to readers other than its author. Until then readers get
         * the article's previous page while one reload runs in the background, so a busy article's page is
         * read at most a few times per window, not once per comment. Its author sees it on their next read
         * (a short cookie skips the cache); removals and other moderators' changes evict at once on the
         * instance that made them, and within this window on the others. 0 evicts on every change.
         */
        @WithDefault("1s")
        Duration freshness();

        /**
         * Memory the cached pages may take at most, counted in gzipped bytes; the least used articles go
         * first. Clients without gzip get inflated copies, kept within half of this again.
         */
        @WithDefault("16M")
        MemorySize maxSize();

        /**
         * zlib's level for the cached pages: 1 is fastest, 9 smallest. A page whose items a change altered is
         * compressed again in full by the next reader's load (one whose items stayed the same, only its
         * total), so this is CPU on each such miss against bytes kept and sent (BENCHMARKS.md compares
         * levels). The service refuses to start with a level outside 1–9.
         */
        @WithDefault("4")
        @WithConverter(ZlibLevel.class)
        int gzipLevel();
    }

    interface Admin {
        /** The first admin, created on a database without moderator accounts; unset in production by default. */
        Optional<String> username();

        Optional<String> password();
    }

    /** Moderator sign-in: sessions, the cache of verified credentials, throttling (README, "Sign-in"). */
    interface SignIn {
        /** A session not used for this long ends. */
        @WithDefault("30m")
        Duration idleTimeout();

        /** A session ends this long after its sign-in, used or not. */
        @WithDefault("12h")
        Duration absoluteTimeout();

        /**
         * How long an instance trusts a session or an HTTP Basic credential it verified before asking the
         * database again (no bcrypt): the most a sign-out, password change, disabled or deleted account takes
         * to reach the other instances. Requests that change anything always ask the database.
         */
        @WithDefault("1s")
        Duration recheckInterval();

        /** How long a verified HTTP Basic credential is remembered (as a keyed hash) before bcrypt again. */
        @WithDefault("10m")
        Duration credentialCacheTtl();

        /** Failed sign-ins an address may make at once before it is throttled (429 before any bcrypt). */
        @WithDefault("10")
        int addressFailures();

        /** A throttled address gets one more attempt per this interval. */
        @WithDefault("60s")
        Duration addressRefill();

        /**
         * Failed sign-ins on one account, within {@link #accountWindow()}, after which addresses that already
         * failed on it share one attempt per {@link #accountDelay()}; addresses without a failure on it are
         * never slowed.
         */
        @WithDefault("10")
        int accountFailures();

        @WithDefault("10s")
        Duration accountDelay();

        /** How long an account's and an address's failures are remembered. */
        @WithDefault("15m")
        Duration accountWindow();

        /** Failed sign-ins are written to the audit log as one entry per account per this interval. */
        @WithDefault("60s")
        Duration auditInterval();
    }

    interface Purge {
        /** Spam and rejected comments older than this are deleted by the purge job. */
        @WithDefault("30d")
        Duration maxAge();

        /** When the purge runs (Quartz-style cron: second minute hour day month weekday). */
        @WithDefault("0 17 3 * * ?")
        String cron();

        /** How long one instance holds a run; keep it shorter than the interval between two runs. */
        @WithDefault("30m")
        Duration lease();
    }

    interface Imports {
        /**
         * Largest migration file sent as the body of {@code POST /api/moderation/imports/{wordpress,disqus,backup}}:
         * streamed to a temporary file, never held in memory (a form's file stays under max-body-size).
         */
        @WithDefault("16G")
        MemorySize maxBody();

        /**
         * How long one statement of an import, a restore or a backup's export may wait for the database,
         * instead of the pool's socket timeout (DB_SOCKET_TIMEOUT, seconds): a batch of 1,000 rows or the
         * linking of replies at the end may take longer on a busy database, and losing the whole import
         * to a timeout costs far more than waiting.
         */
        @WithDefault("5m")
        Duration databaseTimeout();
    }

    interface Limits {
        @WithDefault("245")
        int name();

        @WithDefault("100")
        int email();

        @WithDefault("200")
        int website();

        @WithDefault("65525")
        int text();

        /** Largest comment submission body, JSON or form; larger ones get 413. */
        @WithDefault("256K")
        MemorySize body();

        /** Most fields a form submission may have (it uses six); more get 400. */
        @WithDefault("32")
        int formFields();
    }

    interface Redirect {
        /** Origins ({@code scheme://host[:port]}) a form post may ask to be sent back to. */
        @WithDefault("http://localhost:8080")
        List<String> allowedOrigins();
    }

    interface Rules {
        /** Most terms one rule (or one import) may hold. */
        @WithDefault("100000")
        int maxTerms();

        /** How often each instance checks the database for rule changes made through other instances. */
        @WithDefault("2s")
        Duration refreshInterval();

        /**
         * Caps the FLOOD rules' interval; unset, the rules' own interval holds (production, tests). Dev
         * mode sets 0s: one developer posts every comment from one address.
         */
        Optional<Duration> maxFloodInterval();

        /**
         * Threads that moderate long comments (over 2,000 characters), on which PATTERN rules may spend
         * their whole budget; unset, half the processors, at least one. A bulkhead: a stream of hostile
         * texts takes at most these threads' cores, never all of them.
         */
        OptionalInt longTextThreads();

        /** Long comments waiting for those threads at most; beyond, 503 with Retry-After. */
        @WithDefault("256")
        int longTextQueue();
    }

    interface Metrics {
        /** How often the pending-queue and webhook backlog gauges are counted (not on every scrape). */
        @WithDefault("30s")
        Duration pendingRefreshInterval();
    }
}
