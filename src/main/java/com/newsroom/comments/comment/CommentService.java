package com.newsroom.comments.comment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import com.newsroom.comments.common.PagedList;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.moderation.ModerationMetrics;
import com.newsroom.comments.moderation.ModerationService;
import com.newsroom.comments.moderation.rule.ActiveRules;
import com.newsroom.comments.problem.ApiException;
import com.newsroom.comments.problem.Problem.FieldError;

/** Takes a reader's comment through validation, moderation, the article's settings, and duplicate and flood checks. */
@ApplicationScoped
public class CommentService {

    public static final String DUPLICATE = "Duplicate comment detected; it looks as though you've already said that!";
    public static final String TOO_FAST = "You are posting comments too quickly. Slow down.";
    public static final String CLOSED = "Comments are closed.";
    static final int MAX_USER_AGENT = 512;

    private final CommentRepository comments;
    private final CommentWriter writer;
    private final ModerationService moderation;
    private final ActiveRules activeRules;
    private final ModerationMetrics metrics;
    private final SubmissionValidator validator;
    private final Clock clock;

    @Inject
    public CommentService(CommentRepository comments, CommentWriter writer, ModerationService moderation,
            ActiveRules activeRules, ModerationMetrics metrics, CommentsConfig config, Validator beanValidator) {
        this.metrics = metrics;
        this.comments = comments;
        this.writer = writer;
        this.moderation = moderation;
        this.activeRules = activeRules;
        this.validator = new SubmissionValidator(beanValidator, config.limits());
        this.clock = Clock.systemUTC();
    }

    /** Who sent the comment, as the HTTP layer saw it. */
    public record Origin(String ipAddress, String userAgent) {
    }

    /**
     * Validates and moderates the comment on the calling thread, then stores it through the
     * {@link CommentWriter}'s group commits, which also run the checks that need the database
     * (closed article, duplicate, flood, the author's history).
     */
    public Comment submit(String articleId, CommentSubmission raw, Origin origin) {
        CommentSubmission submission = raw.normalized();
        List<FieldError> errors = new ArrayList<>(validator.validate(submission));
        // Replies are few: one query here keeps every invalid field in one answer.
        if (submission.parentId() != null && comments.findApproved(articleId, submission.parentId()) == null) {
            errors.add(new FieldError("parentId", "The comment you are replying to does not exist on this article or is not published."));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        // Microseconds: what PostgreSQL stores, so the returned createdAt equals the stored one.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ActiveRules.Snapshot rules = activeRules.current();
        String ip = origin.ipAddress();
        Comment comment = writer.write(new CommentDraft(articleId, submission, ip,
                truncate(origin.userAgent(), MAX_USER_AGENT), rules.duplicatesEnabled() ? dedupKey(articleId, submission, ip) : null,
                throttleKeys(submission, ip), rules.floodInterval(), rules.firstComment(),
                moderation.evaluate(rules, submission, ip), now));
        // Here, not on the writer threads: they are what every submission waits for.
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

    /** The author's flood-control keys: the IP and the e-mail each count as the author. */
    static SortedSet<String> throttleKeys(CommentSubmission submission, String ip) {
        TreeSet<String> keys = new TreeSet<>();
        if (ip != null) {
            keys.add("ip:" + ip);
        }
        if (submission.email() != null) {
            keys.add("email:" + submission.email().toLowerCase(Locale.ROOT));
        }
        return keys;
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
