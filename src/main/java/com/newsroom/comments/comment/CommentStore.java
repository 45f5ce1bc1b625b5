package com.newsroom.comments.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.newsroom.comments.article.Article;
import com.newsroom.comments.article.ArticleRepository;
import com.newsroom.comments.moderation.ModerationOutcome;
import com.newsroom.comments.moderation.ModerationService;
import com.newsroom.comments.problem.ApiException;

/**
 * Stores a batch of drafts in the caller's transaction, with one query per check for the whole batch
 * (articles, duplicates, trusted authors, flood control) instead of one per comment. Each draft ends
 * stored or refused (403 closed, 409 duplicate, 429 flood) in submission order, exactly as if the
 * drafts had come one by one; a refused draft writes nothing.
 */
@ApplicationScoped
class CommentStore {

    /** One draft's outcome: the stored comment, or why it was refused. */
    record Result(Comment comment, ApiException refusal) {
    }

    private final EntityManager em;
    private final ArticleRepository articles;
    private final SubmissionThrottle throttle;

    CommentStore(EntityManager em, ArticleRepository articles, SubmissionThrottle throttle) {
        this.em = em;
        this.articles = articles;
        this.throttle = throttle;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    List<Result> store(List<CommentDraft> drafts) {
        Map<String, Article> byId = articles.findOrCreateAll(collect(drafts, CommentDraft::articleId),
                drafts.get(0).submittedAt());
        Set<String> stored = existingDedupKeys(collect(drafts, CommentDraft::dedupKey));
        Set<String> trusted = trustedAuthors(drafts);

        // Closed articles and duplicates first: a refused comment must not take its author's flood slot.
        Result[] results = new Result[drafts.size()];
        TreeSet<String> throttleKeys = new TreeSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            CommentDraft draft = drafts.get(i);
            if (!byId.get(draft.articleId()).acceptsCommentsAt(draft.submittedAt())) {
                results[i] = new Result(null, ApiException.forbidden("comments-closed", CommentService.CLOSED));
            } else if (draft.dedupKey() != null && !stored.add(draft.dedupKey())) {
                results[i] = new Result(null, ApiException.duplicate(CommentService.DUPLICATE));
            } else if (isFloodControlled(draft)) {
                throttleKeys.addAll(draft.throttleKeys());
            }
        }

        Map<String, SubmissionThrottleEntry> rows = throttleKeys.isEmpty() ? Map.of() : throttle.lock(throttleKeys);
        FloodGate gate = new FloodGate(lastSubmitted(rows));
        for (int i = 0; i < drafts.size(); i++) {
            if (results[i] != null) {
                continue;
            }
            CommentDraft draft = drafts.get(i);
            Optional<Duration> wait = isFloodControlled(draft)
                    ? gate.admit(draft.throttleKeys(), draft.submittedAt(), draft.floodInterval())
                    : Optional.empty();
            if (wait.isPresent()) {
                results[i] = new Result(null, ApiException.tooManyRequests(CommentService.TOO_FAST, wait.get()));
                continue;
            }
            boolean trustedAuthor = draft.submission().email() != null && trusted.contains(draft.submission().email());
            ModerationOutcome outcome = ModerationService.decide(draft.firstComment(), draft.engineReasons(),
                    byId.get(draft.articleId()), trustedAuthor);
            Comment comment = newComment(draft, outcome);
            em.persist(comment);
            results[i] = new Result(comment, null);
        }
        gate.admitted().forEach((key, at) -> rows.get(key).lastSubmittedAt = at);
        // Now, not at commit: a unique-key race with another instance surfaces here, as itself.
        em.flush();
        return List.of(results);
    }

    private static boolean isFloodControlled(CommentDraft draft) {
        return !draft.floodInterval().isZero() && !draft.floodInterval().isNegative() && !draft.throttleKeys().isEmpty();
    }

    private Set<String> existingDedupKeys(TreeSet<String> keys) {
        if (keys.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(em.createQuery("select c.dedupKey from Comment c where c.dedupKey in ?1", String.class)
                .setParameter(1, keys).getResultList());
    }

    /** Authors with a comment approved by a moderator: the first-comment rule lets them through. */
    private Set<String> trustedAuthors(List<CommentDraft> drafts) {
        TreeSet<String> emails = new TreeSet<>();
        for (CommentDraft draft : drafts) {
            if (draft.firstComment() != null && draft.submission().email() != null) {
                emails.add(draft.submission().email());
            }
        }
        if (emails.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("""
                select distinct c.email from Comment c
                where c.email in ?1 and c.status = ?2 and c.moderatedBy is not null""", String.class)
                .setParameter(1, emails).setParameter(2, CommentStatus.APPROVED).getResultList());
    }

    private static Map<String, Instant> lastSubmitted(Map<String, SubmissionThrottleEntry> rows) {
        Map<String, Instant> last = new HashMap<>(rows.size() * 2);
        rows.forEach((key, row) -> last.put(key, row.lastSubmittedAt));
        return last;
    }

    private static Comment newComment(CommentDraft draft, ModerationOutcome outcome) {
        CommentSubmission submission = draft.submission();
        Comment comment = new Comment();
        comment.articleId = draft.articleId();
        comment.parentId = submission.parentId();
        comment.name = submission.name();
        comment.email = submission.email();
        comment.website = submission.website();
        comment.text = submission.text();
        comment.status = outcome.status();
        comment.reasons.addAll(outcome.reasons());
        comment.ipAddress = draft.ipAddress();
        comment.userAgent = draft.userAgent();
        comment.dedupKey = draft.dedupKey();
        comment.createdAt = draft.submittedAt();
        comment.updatedAt = draft.submittedAt();
        return comment;
    }

    private static TreeSet<String> collect(List<CommentDraft> drafts, Function<CommentDraft, String> field) {
        TreeSet<String> values = new TreeSet<>();
        for (CommentDraft draft : drafts) {
            String value = field.apply(draft);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
