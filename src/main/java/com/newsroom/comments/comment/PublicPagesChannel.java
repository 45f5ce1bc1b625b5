package com.newsroom.comments.comment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.newsroom.comments.article.ArticleIds;
import com.newsroom.comments.config.CommentsConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the public page caches of all instances on one PostgreSQL database in step, with LISTEN/NOTIFY
 * on the channel {@value #CHANNEL}.
 * <ul>
 * <li>Sending: every {@link PublicCommentsChanged} also runs {@code pg_notify} in the transaction that
 * fires it, so PostgreSQL delivers it only if that transaction commits. The payload is
 * {@code <instance>:<articleId>}, or {@code <instance>:*} for every article.</li>
 * <li>Listening: one thread per instance holds its own connection (not from the pool, so requests never
 * wait for it), LISTENs and evicts the pages each notification names. Its own notifications are skipped:
 * this instance evicted those pages after its commit already. When the connection is lost it reconnects
 * with backoff; on every (re)connect it drops the whole cache, since notifications may have been missed.</li>
 * </ul>
 * Only on PostgreSQL and with {@code comments.public-cache.listen=true}; dev mode on H2 is one instance.
 */
@ApplicationScoped
public class PublicPagesChannel {

    static final String CHANNEL = "public_comments";
    static final String ALL = "*";
    static final String APPLICATION_NAME = "comments-page-listener";
    private static final Logger LOG = Logger.getLogger(PublicPagesChannel.class);
    private static final int POLL_MILLIS = 500;
    private static final long PING_MILLIS = 30_000;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final PublicPages pages;
    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final boolean enabled;
    private final String url;
    private final String username;
    private final String password;
    /** Tells this instance's notifications from the others'. */
    private final String self = UUID.randomUUID().toString().substring(0, 8);
    private final Object sentKey = new Object();

    private volatile boolean running;
    private volatile Thread listener;

    public PublicPagesChannel(PublicPages pages, DataSource dataSource, TransactionSynchronizationRegistry transactions,
            CommentsConfig config, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.pages = pages;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.enabled = config.publicCache().listen() && Sql.isPostgres(dbKind);
        this.url = url.orElse("");
        this.username = username.orElse("");
        this.password = password.orElse("");
    }

    /**
     * The payloads that announce changes of these articles, for a {@code pg_notify} in the caller's own
     * statement and transaction (the comment writer's batches); none when the channel is off. Fire the
     * events with {@code announced = true} after the commit.
     */
    String[] payloads(Collection<String> articleIds) {
        return enabled ? articleIds.stream().map(id -> self + ":" + id).toArray(String[]::new) : new String[0];
    }

    /** In the transaction that fires the event (synchronous observer): NOTIFY once per article and transaction. */
    void send(@Observes PublicCommentsChanged change) {
        if (!enabled || change.announced()) {
            return;
        }
        String target = change.articleId() == null ? ALL : change.articleId();
        if (transactions.getTransactionKey() != null) {
            @SuppressWarnings("unchecked")
            Set<String> sent = (Set<String>) transactions.getResource(sentKey);
            if (sent == null) {
                sent = new HashSet<>();
                transactions.putResource(sentKey, sent);
            }
            if (!sent.add(target)) {
                return; // PostgreSQL would fold the duplicate anyway; this saves the round trip
            }
        }
        // Inside a transaction the pool hands out the transaction's own connection.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, self + ":" + target);
            notify.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not announce a change of public comments", e);
        }
    }

    void start(@Observes StartupEvent event) {
        if (!enabled || !pages.enabled()) {
            LOG.debug("Public page invalidation through LISTEN/NOTIFY is off");
            return;
        }
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
                thread.join(2 * POLL_MILLIS + 500); // a poll returns within POLL_MILLIS; a daemon never holds up exit
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
                }
                connected = true;
                backoff = 500;
                // Anything may have changed while nobody listened (or before this instance started).
                pages.evict(null);
                LOG.infof("Listening for public comment changes on channel %s", CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                long quietSince = System.currentTimeMillis();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        for (PGNotification notification : notifications) {
                            handle(notification.getParameter());
                        }
                        quietSince = System.currentTimeMillis();
                    } else if (System.currentTimeMillis() - quietSince > PING_MILLIS) {
                        // A silently dead connection gives no error on reading; a query finds out.
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("select 1");
                        }
                        quietSince = System.currentTimeMillis();
                    }
                }
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

    /** {@code <instance>:<articleId>} or {@code <instance>:*}; a bare article id or {@code *} works too. */
    void handle(String payload) {
        int colon = payload.indexOf(':');
        if (colon >= 0 && payload.substring(0, colon).equals(self)) {
            return;
        }
        String target = payload.substring(colon + 1);
        pages.evict(ArticleIds.isValid(target) ? target : null); // "*" (or anything unexpected): all
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
