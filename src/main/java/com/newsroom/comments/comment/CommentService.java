package com.newsroom.comments.comment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import com.newsroom.comments.article.Article;
import com.newsroom.comments.article.ArticleRepository;
import com.newsroom.comments.common.PagedList;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.moderation.ModerationOutcome;
import com.newsroom.comments.moderation.ModerationMetrics;
import com.newsroom.comments.moderation.ModerationService;
import com.newsroom.comments.moderation.rule.ActiveRules;
import com.newsroom.comments.problem.ApiException;
import com.newsroom.comments.problem.Problem.FieldError;

/** Takes a reader's comment through validation, the article's settings, flood and duplicate checks, and moderation. */
@ApplicationScoped
public class CommentService {

    public static final String DUPLICATE = "Duplicate comment detected; it looks as though you've already said that!";
    public static final String TOO_FAST = "You are posting comments too quickly. Slow down.";
    public static final String CLOSED = "Comments are closed.";
    static final int MAX_USER_AGENT = 512;

    private final CommentRepository comments;
    private final ArticleRepository articles;
    private final SubmissionThrottle throttle;
    private final ModerationService moderation;
    private final ActiveRules activeRules;
    private final ModerationMetrics metrics;
    private final Event<PublicCommentsChanged> changes;
    private final SubmissionValidator validator;
    private final Clock clock;

    @Inject
    public CommentService(CommentRepository comments, ArticleRepository articles, SubmissionThrottle throttle,
            ModerationService moderation, ActiveRules activeRules, ModerationMetrics metrics, CommentsConfig config,
            Validator beanValidator, Event<PublicCommentsChanged> changes) {
        this.comments = comments;
        this.articles = articles;
        this.throttle = throttle;
        this.moderation = moderation;
        this.activeRules = activeRules;
        this.metrics = metrics;
        this.changes = changes;
        this.validator = new SubmissionValidator(beanValidator, config.limits());
        this.clock = Clock.systemUTC();
    }

    /** Who sent the comment, as the HTTP layer saw it. */
    public record Origin(String ipAddress, String userAgent) {
    }

    @Transactional
    public Comment submit(String articleId, CommentSubmission raw, Origin origin) {
        CommentSubmission submission = raw.normalized();
        List<FieldError> errors = new ArrayList<>(validator.validate(submission));
        if (submission.parentId() != null && comments.findApproved(articleId, submission.parentId()) == null) {
            errors.add(new FieldError("parentId", "The comment you are replying to does not exist on this article or is not published."));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }

        // Microseconds: what PostgreSQL stores, so the returned createdAt equals the stored one.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Article article = articles.findOrCreate(articleId, now);
        if (!article.acceptsCommentsAt(now)) {
            throw ApiException.forbidden("comments-closed", CLOSED);
        }

        ActiveRules.Snapshot rules = activeRules.current();
        String dedupKey = rules.duplicatesEnabled() ? dedupKey(articleId, submission, origin.ipAddress()) : null;
        ModerationOutcome outcome = moderation.moderate(article, submission, origin.ipAddress());

        Comment comment = new Comment();
        comment.articleId = articleId;
        comment.parentId = submission.parentId();
        comment.name = submission.name();
        comment.email = submission.email();
        comment.website = submission.website();
        comment.text = submission.text();
        comment.status = outcome.status();
        comment.reasons.addAll(outcome.reasons());
        comment.ipAddress = origin.ipAddress();
        comment.userAgent = truncate(origin.userAgent(), MAX_USER_AGENT);
        comment.dedupKey = dedupKey;
        comment.createdAt = now;
        comment.updatedAt = now;
        try {
            comments.persistAndFlush(comment);
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            // The same comment is stored already (or a concurrent double-submit got there first):
            // the unique dedup key refused this one. No query beforehand: the index answers.
            if (dedupKey != null && e.getConstraintName() != null && e.getConstraintName().contains("dedup")) {
                throw ApiException.duplicate(DUPLICATE);
            }
            throw e;
        }
        // After the insert, so that a repeated comment is answered 409 even inside the flood interval;
        // a refused one rolls the insert back.
        enforceFloodInterval(rules.floodInterval(), submission, origin, now);
        if (comment.status == CommentStatus.APPROVED) {
            changes.fire(new PublicCommentsChanged(articleId));
        }
        metrics.submitted(comment.status, comment.reasons);
        return comment;
    }

    /** Transactional so that its session does not depend on the HTTP request's context (it runs off the event loop). */
    @Transactional
    public PagedList<Comment> approvedPage(String articleId, int page, int size) {
        List<Comment> items = comments.approvedPage(articleId, page, size);
        long total = page == 0 && items.size() < size ? items.size() : comments.countApproved(articleId);
        return new PagedList<>(items, page, size, total);
    }

    public Comment approved(String articleId, long id) {
        Comment comment = comments.findApproved(articleId, id);
        if (comment == null) {
            throw ApiException.notFound("There is no published comment " + id + " on article " + articleId + ".");
        }
        return comment;
    }

    private void enforceFloodInterval(Duration interval, CommentSubmission submission, Origin origin, Instant now) {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        TreeSet<String> keys = new TreeSet<>();
        if (origin.ipAddress() != null) {
            keys.add("ip:" + origin.ipAddress());
        }
        if (submission.email() != null) {
            keys.add("email:" + submission.email().toLowerCase(Locale.ROOT));
        }
        if (keys.isEmpty()) {
            return;
        }
        Optional<Duration> wait = throttle.acquire(keys, now, interval);
        if (wait.isPresent()) {
            throw ApiException.tooManyRequests(TOO_FAST, wait.get());
        }
    }

    /**
     * Same article, same author (e-mail, or name and IP), same text once case, Unicode form and
     * spacing are set aside.
     */
    static String dedupKey(String articleId, CommentSubmission submission, String ip) {
        String author = submission.email() != null
                ? "e:" + submission.email().toLowerCase(Locale.ROOT)
                : "n:" + Normalizer.normalize(submission.name(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT) + "|" + ip;
        String text = collapseWhitespace(Normalizer.normalize(submission.text(), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((articleId + '\n' + author + '\n' + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Trims and turns every run of whitespace into one space (a loop: this runs on every comment). */
    static String collapseWhitespace(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String truncate(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
