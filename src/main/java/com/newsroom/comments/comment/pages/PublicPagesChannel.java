package com.newsroom.comments.comment.pages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.newsroom.comments.article.ArticleIds;
import com.newsroom.comments.comment.PublicCommentsChanged;
import com.newsroom.comments.config.CommentsConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the public page caches of all instances on one PostgreSQL database in step, with LISTEN/NOTIFY
 * on the channel {@value #CHANNEL}, through one thread per instance that holds a connection of its own
 * (not from the pool, so requests never wait for it).
 * <ul>
 * <li>Sending: every {@link PublicCommentsChanged} that commits is queued ({@link Announcements}), and
 * the thread sends what is queued as one {@code pg_notify} statement every {@value #POLL_MILLIS} ms at
 * most. Payload {@code <instance>:<articleId>} for new approved comments (shown within the freshness window),
 * {@code <instance>:!<articleId>} for any other change (evicted at once), or {@code <instance>:*} for every
 * article. A NOTIFY in
 * each changing transaction would be atomic with it, but PostgreSQL serialises the commits of notifying
 * transactions on one lock, and under a flood of comments every write batch paid for it. What is lost now is a queued announcement when the instance dies in the
 * moment after a commit: the other instances then show that change after the TTL.</li>
 * <li>Listening: the same thread LISTENs and evicts the pages each notification names. Its own
 * notifications are skipped: this instance evicted those pages after its commit already. When the
 * connection is lost it reconnects with backoff, keeps what it could not send, and drops the whole
 * cache, since notifications may have been missed.</li>
 * </ul>
 * The same connection carries the moderators' live feed between instances on the channel {@value #RELAY_CHANNEL}:
 * {@link #relay(String)} queues a message for the other instances (sent with the next announcement; past
 * {@value #MAX_PENDING} waiting, they become one {@link Relayed#RESYNC}), and theirs arrive here as
 * {@link Relayed} events (a {@link Relayed#RESYNC} after each reconnection).
 * Only with {@code comments.public-cache.listen=true}.
 */
@ApplicationScoped
public class PublicPagesChannel {

    static final String CHANNEL = "public_comments";
    static final String ALL = "*";
    /** Before an article id: a change its readers must see at once (a removal, an edit), not within the freshness window. */
    static final String AT_ONCE = "!";
    static final String RELAY_CHANNEL = "moderation_activity";
    static final String APPLICATION_NAME = "comments-page-listener";
    private static final Logger LOG = Logger.getLogger(PublicPagesChannel.class);
    /** How long a change may wait to be announced, and how often an idle channel wakes up. */
    private static final int POLL_MILLIS = 100;
    private static final long PING_MILLIS = 30_000;
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    /** Distinct articles queued at most before the announcement becomes "every article". */
    private static final int MAX_PENDING = 1_000;

    private final PublicPages pages;
    private final boolean enabled;
    private final String url;
    private final String username;
    private final String password;
    /** Tells this instance's notifications from the others'. */
    private final String self = UUID.randomUUID().toString().substring(0, 8);
    private final Announcements pending = new Announcements(MAX_PENDING);
    private final Announcements relays = new Announcements(MAX_PENDING, Relayed.RESYNC, false);
    private final Event<Relayed> relayed;

    private volatile boolean running;
    private volatile Thread listener;

    public PublicPagesChannel(PublicPages pages, CommentsConfig config, Event<Relayed> relayed,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.pages = pages;
        this.relayed = relayed;
        this.enabled = config.publicCache().listen();
        this.url = url.orElse("");
        this.username = username.orElse("");
        this.password = password.orElse("");
    }

    /** After a successful commit (at once when fired outside a transaction): queued for the other instances. */
    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicCommentsChanged change) {
        if (enabled) {
            pending.add(change.articleId() == null ? ALL : change.added() ? change.articleId() : AT_ONCE + change.articleId());
        }
    }

    /** Queues a message (at most 7,000 bytes) for the other instances, sent within {@value #POLL_MILLIS} ms. */
    public void relay(String payload) {
        if (enabled) {
            relays.add(payload);
        }
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.debug("Public page invalidation through LISTEN/NOTIFY is off");
            return;
        }
        // Also when this instance caches nothing: the others must still hear of its changes.
        running = true;
        Thread thread = new Thread(this::listen, "public-pages-listener");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2 * POLL_MILLIS + 1_000); // a poll returns within POLL_MILLIS; a daemon never holds up exit
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            boolean connected = false;
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    statement.execute("LISTEN " + RELAY_CHANNEL);
                }
                connected = true;
                backoff = 500;
                // Anything may have changed while nobody listened (or before this instance started).
                pages.evict(null);
                relayed.fire(new Relayed(Relayed.RESYNC));
                LOG.infof("Listening for public comment changes on channel %s", CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                long quietSince = System.currentTimeMillis();
                long announcedAt = 0;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        for (PGNotification notification : notifications) {
                            if (RELAY_CHANNEL.equals(notification.getName())) {
                                receive(notification.getParameter());
                            } else {
                                handle(notification.getParameter());
                            }
                        }
                        quietSince = System.currentTimeMillis();
                    } else if (System.currentTimeMillis() - quietSince > PING_MILLIS) {
                        // A silently dead connection gives no error on reading; a query finds out.
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("select 1");
                        }
                        quietSince = System.currentTimeMillis();
                    }
                    // Not after every wake-up: this instance's own notifications wake it too.
                    if (System.currentTimeMillis() - announcedAt >= POLL_MILLIS) {
                        announce(connection);
                        announcedAt = System.currentTimeMillis();
                    }
                }
                announce(connection); // what committed until shutdown
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.warnf("%s the LISTEN connection for public comment changes (%s); retrying in %d ms",
                        connected ? "Lost" : "Could not open", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    break; // shutting down
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /** Sends the queued changes and relays, one statement each (autocommit); on failure they stay queued. */
    private void announce(Connection connection) throws SQLException {
        announce(connection, CHANNEL, pending);
        announce(connection, RELAY_CHANNEL, relays);
    }

    private void announce(Connection connection, String channel, Announcements queued) throws SQLException {
        List<String> targets = queued.drain();
        if (targets.isEmpty()) {
            return;
        }
        try (PreparedStatement notify = connection.prepareStatement(
                "select count(pg_notify(?, payload)) from unnest(?::text[]) as n(payload)")) {
            notify.setString(1, channel);
            notify.setArray(2, connection.createArrayOf("text", targets.stream().map(t -> self + ":" + t).toArray()));
            notify.execute();
        } catch (SQLException | RuntimeException e) {
            queued.addAll(targets);
            throw e;
        }
    }

    /** {@code <instance>:<message>} from another instance: fired as {@link Relayed}; this instance's own skipped. */
    void receive(String payload) {
        int colon = payload.indexOf(':');
        if (colon >= 0 && payload.substring(0, colon).equals(self)) {
            return;
        }
        relayed.fire(new Relayed(payload.substring(colon + 1)));
    }

    /** {@code <instance>:<articleId>}, {@code <instance>:!<articleId>} or {@code <instance>:*}; without the instance too. */
    void handle(String payload) {
        int colon = payload.indexOf(':');
        if (colon >= 0 && payload.substring(0, colon).equals(self)) {
            return;
        }
        String target = payload.substring(colon + 1);
        boolean atOnce = target.startsWith(AT_ONCE);
        String articleId = atOnce ? target.substring(AT_ONCE.length()) : target;
        if (ArticleIds.isValid(articleId)) {
            pages.evict(articleId, !atOnce);
        } else {
            pages.evict(null); // "*" (or anything unexpected): all
        }
    }

    /** A connection of its own, with the datasource's URL and credentials; never one of the pool's. */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (!username.isEmpty()) {
            properties.setProperty("user", username);
        }
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        // Defaults; parameters in the URL win.
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL URL: " + url);
        }
        return connection;
    }
}
