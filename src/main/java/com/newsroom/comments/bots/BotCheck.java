package com.newsroom.comments.bots;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.CommentSubmission;
import com.newsroom.comments.comment.ModerationReason;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.config.CommentsConfig.Bots.ProofOfWork;
import com.newsroom.comments.problem.ApiException;
import com.newsroom.comments.problem.Problem.FieldError;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * The bot checks of a submission, run before moderation and without the database: the honeypot (spam),
 * the form token's time trap (held; a forged token is a 400), and the proof of work (a 400 without a
 * valid solution where it is required). Only a solution that passed every other check is claimed in
 * the database ({@link #claim}), so that it is used once. Remembers, per instance, the clients that
 * failed a check or sent a held or spam comment (the adaptive proof of work's suspects).
 */
@ApplicationScoped
@Startup
public class BotCheck {

    private static final Logger LOG = Logger.getLogger(BotCheck.class);

    /** The reasons' rule type: moderators and the metrics see bot hits as BOT. */
    public static final String RULE_TYPE = "BOT";
    public static final String FORM_TOKEN = "formToken";
    public static final String ALTCHA = "altcha";
    /** The field errors' codes, also their keys in the {@code i18n} bundles. */
    public static final String FORGED_TOKEN = "formToken.invalid";
    public static final String MISSING_TOKEN = "formToken.required";
    public static final String POW_REQUIRED = "altcha.required";
    public static final String POW_INVALID = "altcha.invalid";

    private final CommentsConfig.Bots config;
    private final BotMetrics metrics;
    private final SpentSolutions spent;
    private final FormTokens tokens;
    private final Altcha altcha;
    /** Suspect client addresses (adaptive proof of work), per instance. */
    private final Cache<String, Boolean> suspects;

    public BotCheck(CommentsConfig config, BotMetrics metrics, SpentSolutions spent) {
        this.config = config.bots();
        this.metrics = metrics;
        this.spent = spent;
        BotKeys keys = new BotKeys(keys(this.config, LaunchMode.current()));
        this.tokens = new FormTokens(keys, Duration.ofSeconds(this.config.minSeconds()), this.config.maxTokenAge());
        this.altcha = new Altcha(keys, this.config.powMaxNumber(), this.config.powExpiry());
        this.suspects = Caffeine.newBuilder().expireAfterWrite(this.config.suspectFor()).maximumSize(100_000).build();
    }

    /** The configured keys; a random one in dev mode and tests without one; none in production is an error. */
    static List<String> keys(CommentsConfig.Bots config, LaunchMode mode) {
        List<String> configured = config.hmacKey().orElse(List.of()).stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        if (!configured.isEmpty()) {
            return configured;
        }
        boolean needed = config.minSeconds() > 0 || config.requireFormToken() || config.proofOfWork() != ProofOfWork.OFF;
        if (needed && mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("comments.bots.hmac-key (COMMENTS_BOTS_HMAC_KEY) is required: the time trap "
                    + "or the proof of work is on. Set it to a random secret of at least " + BotKeys.MIN_KEY_LENGTH
                    + " characters (e.g. openssl rand -base64 32), or turn them off (comments.bots.min-seconds=0).");
        }
        if (mode != LaunchMode.NORMAL) {
            LOG.info("No comments.bots.hmac-key: form tokens and challenges are signed with a random key until this instance stops");
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return List.of(Base64.getEncoder().encodeToString(random));
    }

    /** What the stateless checks found: BOT reasons, whether it is spam, and a solution still to {@link #claim}. */
    public record Screening(List<ModerationReason> reasons, boolean spam, Altcha.Solution solution) {
    }

    /** A form token with what the form needs to know. */
    public record FormToken(String formToken, String honeypotField, boolean proofOfWork, int minSeconds) {
    }

    /** A new form token for {@code articleId}; {@code proofOfWork} says whether this client must solve a challenge. */
    public FormToken formToken(String articleId, String ipAddress) {
        return new FormToken(tokens.issue(articleId, Instant.now()), config.honeypotField(), proofOfWorkRequired(ipAddress),
                config.minSeconds());
    }

    public Altcha.Challenge challenge() {
        return altcha.create(Instant.now());
    }

    /** Whether this client's submission needs a solved challenge: always, never, or when it is suspect. */
    public boolean proofOfWorkRequired(String ipAddress) {
        return switch (config.proofOfWork()) {
            case OFF -> false;
            case REQUIRED -> true;
            case ADAPTIVE -> ipAddress != null && suspects.getIfPresent(ipAddress) != null;
        };
    }

    /** Whether {@link #screen} may find a solution to claim, which needs the database. */
    public boolean mayClaim(CommentSubmission submission, String ipAddress) {
        return submission.altcha() != null && !submission.altcha().isBlank() && proofOfWorkRequired(ipAddress);
    }

    /**
     * The stateless checks of a normalised submission: field errors (forged or missing token, missing or
     * invalid solution) are added to {@code errors}; the rest is in the screening.
     */
    public Screening screen(String articleId, CommentSubmission submission, String ipAddress, List<FieldError> errors,
            Instant now) {
        List<ModerationReason> reasons = new ArrayList<>(1);
        boolean spam = false;
        if (submission.otherField(config.honeypotField()) != null) {
            metrics.hit(BotMetrics.Kind.HONEYPOT);
            reasons.add(reason(config.honeypotField(), "SPAM", "honeypot: a field people never see was filled in"));
            spam = true;
        }
        String token = submission.formToken();
        if (token != null) {
            FormTokens.Check check = tokens.check(articleId, token, now);
            switch (check) {
                case FORGED -> {
                    metrics.hit(BotMetrics.Kind.TOKEN_FORGED);
                    errors.add(FieldError.of(FORM_TOKEN, FORGED_TOKEN));
                }
                case TOO_FAST -> {
                    metrics.hit(BotMetrics.Kind.TOO_FAST);
                    reasons.add(reason(FORM_TOKEN, "HOLD", String.format(Locale.ROOT,
                            "too fast: sent %.1f s after the form was shown (minimum %d s)",
                            FormTokens.ageSeconds(token, now), config.minSeconds())));
                }
                case EXPIRED -> {
                    metrics.hit(BotMetrics.Kind.TOKEN_EXPIRED);
                    reasons.add(reason(FORM_TOKEN, "HOLD", "too old: the form was shown more than "
                            + config.maxTokenAge().toHours() + " hours before"));
                }
                case OK -> {
                }
            }
        } else if (config.requireFormToken()) {
            metrics.hit(BotMetrics.Kind.TOKEN_MISSING);
            errors.add(FieldError.of(FORM_TOKEN, MISSING_TOKEN));
        }
        Altcha.Solution solution = null;
        if (proofOfWorkRequired(ipAddress)) {
            if (submission.altcha() == null) {
                metrics.hit(BotMetrics.Kind.POW_MISSING);
                errors.add(FieldError.of(ALTCHA, POW_REQUIRED));
            } else {
                try {
                    solution = altcha.verify(submission.altcha(), now);
                } catch (Altcha.InvalidSolution e) {
                    LOG.debugf("Proof of work refused: %s", e.getMessage());
                    metrics.hit(BotMetrics.Kind.POW_INVALID);
                    errors.add(FieldError.of(ALTCHA, POW_INVALID));
                }
            }
        }
        if (ipAddress != null && (!errors.isEmpty() || !reasons.isEmpty())) {
            suspects.put(ipAddress, Boolean.TRUE);
        }
        return new Screening(reasons, spam, solution);
    }

    /** Spends a verified solution (one statement); a solution spent before is refused with 400. */
    public void claim(Altcha.Solution solution, String ipAddress) {
        if (!spent.claim(solution)) {
            metrics.hit(BotMetrics.Kind.POW_REPLAYED);
            if (ipAddress != null) {
                suspects.put(ipAddress, Boolean.TRUE);
            }
            throw ApiException.validation(List.of(FieldError.of(ALTCHA, POW_INVALID)));
        }
    }

    /** A stored comment's outcome: a held or spam one makes its client suspect (adaptive proof of work). */
    public void observe(String ipAddress, CommentStatus status) {
        if (ipAddress != null && status != CommentStatus.APPROVED && config.proofOfWork() == ProofOfWork.ADAPTIVE) {
            suspects.put(ipAddress, Boolean.TRUE);
        }
    }

    /**
     * The dry run's share: the reasons the honeypot and the time trap would give (a forged token is a
     * reason here, not a 400). Counts no metric and marks no client.
     */
    public List<ModerationReason> dryRun(String articleId, String honeypot, String formToken) {
        List<ModerationReason> reasons = new ArrayList<>(2);
        if (honeypot != null && !honeypot.isBlank()) {
            reasons.add(reason(config.honeypotField(), "SPAM", "honeypot: a field people never see was filled in"));
        }
        if (formToken != null && !formToken.isBlank()) {
            Instant now = Instant.now();
            switch (tokens.check(articleId, formToken.strip(), now)) {
                case FORGED -> reasons.add(reason(FORM_TOKEN, "HOLD", "forged form token: the submission would be refused (400)"));
                case TOO_FAST -> reasons.add(reason(FORM_TOKEN, "HOLD", String.format(Locale.ROOT,
                        "too fast: sent %.1f s after the form was shown (minimum %d s)",
                        FormTokens.ageSeconds(formToken.strip(), now), config.minSeconds())));
                case EXPIRED -> reasons.add(reason(FORM_TOKEN, "HOLD", "too old: the form was shown more than "
                        + config.maxTokenAge().toHours() + " hours before"));
                case OK -> {
                }
            }
        }
        return reasons;
    }

    private static ModerationReason reason(String field, String action, String detail) {
        return new ModerationReason(null, RULE_TYPE, field, null, null, null, action, detail);
    }
}
