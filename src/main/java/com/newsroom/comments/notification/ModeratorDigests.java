package com.newsroom.comments.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.newsroom.comments.config.CommentsConfig;

import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the digests that are due, each moderator's in a transaction of its own: the moderator's row is
 * claimed (locked, skipped by other instances), the mail sent while it is held, and the last-sent time
 * updated before it commits. A mail server that fails leaves the time as it was, so the next poll tries
 * again; an instance that dies after the mail went out but before the commit sends it once more.
 */
@ApplicationScoped
public class ModeratorDigests {

    private static final Logger LOG = Logger.getLogger(ModeratorDigests.class);

    private final DigestSchedule schedule;
    private final WaitingComments waiting;
    private final DigestMail mail;
    private final Mailer mailer;
    private final CommentsConfig.Digest config;

    public ModeratorDigests(DigestSchedule schedule, WaitingComments waiting, DigestMail mail, Mailer mailer,
            CommentsConfig config) {
        this.schedule = schedule;
        this.waiting = waiting;
        this.mail = mail;
        this.mailer = mailer;
        this.config = config.digest();
    }

    @Scheduled(every = "${comments.digest.poll-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            sendDue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("The moderation digest run failed, will try again: %s", e.toString());
        }
    }

    /**
     * Sends every digest due at {@code now}: to each opted-in moderator whose last digest is at least
     * {@code comments.digest.interval} old, when a comment began waiting since it.
     *
     * @return digests sent
     */
    public int sendDue(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        schedule.enrol();
        int sent = 0;
        long after = 0;
        while (true) {
            long from = after;
            Optional<Outcome> done = QuarkusTransaction.requiringNew().call(() -> sendNext(from, at));
            if (done.isEmpty()) {
                return sent;
            }
            after = done.get().moderatorId();
            sent += done.get().sent() ? 1 : 0;
        }
    }

    private record Outcome(long moderatorId, boolean sent) {
    }

    /** The next due moderator after {@code afterId}, and whether a digest went out to them. */
    private Optional<Outcome> sendNext(long afterId, Instant now) {
        Optional<DigestSchedule.Due> claimed = schedule.claimNext(afterId, now.minus(config.interval()));
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        DigestSchedule.Due due = claimed.get();
        boolean first = due.lastSentAt() == null;
        WaitingComments.Waiting found = waiting.list(config.maxComments(), first ? Instant.EPOCH : due.lastSentAt());
        if (found.total() == 0 || (!first && found.newCount() == 0)) {
            return Optional.of(new Outcome(due.moderatorId(), false));
        }
        DigestContent content = DigestMail.content(due.username(), found, first, config.consoleUrl());
        try {
            mailer.send(mail.mail(due.email(), content));
        } catch (RuntimeException e) {
            LOG.warnf("Could not send the moderation digest to %s, will try again: %s", due.username(), e.toString());
            return Optional.of(new Outcome(due.moderatorId(), false));
        }
        schedule.markSent(due.moderatorId(), now);
        LOG.infof("Sent the moderation digest to %s: %d comments waiting", due.username(), found.total());
        return Optional.of(new Outcome(due.moderatorId(), true));
    }
}
