package com.newsroom.comments.queue.live;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsroom.comments.comment.CommentStatus;
import com.newsroom.comments.comment.QueueActivity;
import com.newsroom.comments.comment.pages.PublicPagesChannel;
import com.newsroom.comments.comment.pages.Relayed;
import com.newsroom.comments.report.CommentReported;

import io.quarkus.scheduler.Scheduled;

/**
 * This instance's subscribers to the live feed, and the events they get: this instance's own after their commit
 * (then relayed to the other instances) and the other instances' as they arrive. Sending never blocks the
 * caller (the comment writer's thread among them): each subscriber's events are written asynchronously, and a
 * subscriber whose connection failed is dropped. Every {@link #HEARTBEAT} a {@code ping} keeps proxies from
 * closing an idle stream; after {@link #MAX_AGE} the stream ends and the browser reconnects (after
 * {@link #RETRY}), signing in again: a signed-out or disabled moderator's stream outlives the session by that
 * much at most.
 */
@ApplicationScoped
public class ModerationFeed {

    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final Duration RETRY = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(ModerationFeed.class);

    private final PublicPagesChannel channel;
    private final ObjectMapper json;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    public ModerationFeed(PublicPagesChannel channel, ObjectMapper json) {
        this.channel = channel;
        this.json = json;
    }

    private record Subscriber(SseEventSink sink, Sse sse, long openedAt) {
    }

    /** Starts a stream with a {@code ready} event (which sets the browser's reconnection delay). */
    public void subscribe(SseEventSink sink, Sse sse) {
        Subscriber subscriber = new Subscriber(sink, sse, System.nanoTime());
        subscribers.add(subscriber);
        send(subscriber, sse.newEventBuilder().name("ready").data("{}").reconnectDelay(RETRY.toMillis()).build());
    }

    /** How many streams are open on this instance. */
    public int subscribers() {
        return subscribers.size();
    }

    void local(@Observes(during = TransactionPhase.AFTER_SUCCESS) QueueActivity activity) {
        FeedEvent event = FeedEvent.of(activity);
        publish(event);
        channel.relay(event.encode());
    }

    void reported(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentReported report) {
        // Only published comments can be reported: APPROVED, unless these reports sent it back to the queue.
        FeedEvent event = new FeedEvent(FeedEvent.REPORTED, report.commentId(), report.articleId(),
                (report.hidden() ? CommentStatus.PENDING : CommentStatus.APPROVED).name());
        publish(event);
        channel.relay(event.encode());
    }

    void remote(@Observes Relayed relayed) {
        if (relayed.resync()) {
            publish(FeedEvent.RESYNC_EVENT);
        } else {
            FeedEvent.decode(relayed.payload()).ifPresent(this::publish);
        }
    }

    void publish(FeedEvent event) {
        if (subscribers.isEmpty()) {
            return;
        }
        String data;
        try {
            data = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (Subscriber subscriber : subscribers) {
            send(subscriber, subscriber.sse().newEventBuilder().name(event.type()).data(data).build());
        }
    }

    @Scheduled(every = "20s", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        long now = System.nanoTime();
        for (Subscriber subscriber : subscribers) {
            if (now - subscriber.openedAt() > MAX_AGE.toNanos()) {
                close(subscriber);
            } else {
                send(subscriber, subscriber.sse().newEventBuilder().name("ping").data("{}").build());
            }
        }
    }

    private void send(Subscriber subscriber, OutboundSseEvent event) {
        if (subscriber.sink().isClosed()) {
            subscribers.remove(subscriber);
            return;
        }
        try {
            synchronized (subscriber) { // one writer at a time per stream: events never interleave
                subscriber.sink().send(event).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        close(subscriber);
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.debugf("Dropping a live feed subscriber: %s", e.toString());
            close(subscriber);
        }
    }

    private void close(Subscriber subscriber) {
        subscribers.remove(subscriber);
        try {
            subscriber.sink().close();
        } catch (RuntimeException e) {
            LOG.debugf("Closing a live feed stream: %s", e.toString());
        }
    }
}
