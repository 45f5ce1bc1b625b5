package com.newsroom.comments.moderator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.problem.ApiException;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.panache.common.Sort;

/**
 * Moderator accounts: sign-in checks with lock-out after repeated failures, and account management.
 * Passwords are hashed with bcrypt; neither a password nor its hash is ever logged or returned.
 */
@ApplicationScoped
public class ModeratorAccounts {

    private static final Logger LOG = Logger.getLogger(ModeratorAccounts.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 72; // bcrypt reads at most 72 bytes

    /**
     * A hash to check unknown usernames against, so that they take as long as known ones: the bcrypt
     * (cost 10, as {@link BcryptUtil#bcryptHash(String)} makes) of {@link #DUMMY_PASSWORD}. A constant, not
     * hashed when the class loads: that bcrypt ran on the start-up path, in a JVM not yet warm.
     */
    static final String DUMMY_HASH = "$2a$10$tyqdGbfiQYFH39ohvobjDOfyu1apOrMzSqgkW6MAAcMU9aSvrA1vu";
    static final String DUMMY_PASSWORD = "no-such-moderator-password";

    private final ModeratorRepository moderators;
    private final CommentsConfig.Login login;

    public ModeratorAccounts(ModeratorRepository moderators, CommentsConfig config) {
        this.moderators = moderators;
        this.login = config.login();
    }

    public record SignedIn(String username, String role) {
    }

    /**
     * The account if the password matches and the account is enabled and not locked; empty otherwise.
     * Counters are changed with single UPDATE statements, so concurrent requests of one moderator never
     * conflict on the account row.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<SignedIn> signIn(String username, char[] password) {
        Instant now = Instant.now();
        Moderator account = username == null ? null : moderators.findByUsername(username);
        if (account == null) {
            BcryptUtil.matches(new String(password), DUMMY_HASH);
            LOG.warnf("Failed sign-in: unknown user '%s'", printable(username));
            return Optional.empty();
        }
        if (account.lockedUntil != null && now.isBefore(account.lockedUntil)) {
            LOG.warnf("Refused sign-in: user '%s' is locked until %s", account.username, account.lockedUntil);
            return Optional.empty();
        }
        if (!account.enabled || !BcryptUtil.matches(new String(password), account.passwordHash)) {
            moderators.update("failedLogins = failedLogins + 1 where id = ?1", account.id);
            int locked = moderators.update("lockedUntil = ?1, failedLogins = 0 where id = ?2 and failedLogins >= ?3",
                    now.plus(login.lockDuration()), account.id, login.maxFailures());
            if (locked > 0) {
                LOG.warnf("User '%s' locked for %s after %d failed sign-ins", account.username, login.lockDuration(),
                        login.maxFailures());
            } else {
                LOG.warnf("Failed sign-in for user '%s'", account.username);
            }
            return Optional.empty();
        }
        // Every request signs in (HTTP Basic): write only when something changes, or once a minute.
        moderators.update("failedLogins = 0, lockedUntil = null, lastLoginAt = ?1 where id = ?2 and "
                + "(failedLogins > 0 or lockedUntil is not null or lastLoginAt is null or lastLoginAt < ?3)",
                now, account.id, now.minusSeconds(60));
        return Optional.of(new SignedIn(account.username, account.role));
    }

    public List<ModeratorView> list() {
        return moderators.listAll(Sort.by("username")).stream().map(ModeratorView::of).toList();
    }

    @Transactional
    public ModeratorView create(ModeratorRequest request) {
        String username = request == null ? null : request.username();
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.invalidField("username",
                    "The username must be 3 to 100 characters: letters, digits, '.', '_', '@' and '-'.");
        }
        if (moderators.findByUsername(username) != null) {
            throw ApiException.conflict("There is already a moderator named " + username + ".");
        }
        Moderator account = new Moderator();
        account.username = username;
        account.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        apply(account, request, true);
        moderators.persist(account);
        return ModeratorView.of(account);
    }

    @Transactional
    public ModeratorView update(String username, ModeratorRequest request) {
        Moderator account = find(username);
        apply(account, request, false);
        return ModeratorView.of(account);
    }

    @Transactional
    public void delete(String username, String actor) {
        Moderator account = find(username);
        if (account.username.equals(actor)) {
            throw ApiException.conflict("You cannot delete your own account.");
        }
        moderators.delete(account);
    }

    /** Creates the first admin from configuration when the database has no moderator at all. */
    @Transactional
    public boolean createFirstAdmin(String username, String password) {
        if (moderators.count() > 0) {
            return false;
        }
        create(new ModeratorRequest(username, password, Moderator.ROLE_ADMIN, true));
        return true;
    }

    private void apply(Moderator account, ModeratorRequest request, boolean creating) {
        if (request == null) {
            throw ApiException.invalidField("password", "Send the account's fields.");
        }
        if (creating || request.password() != null) {
            String password = request.password();
            if (password == null || password.length() < MIN_PASSWORD
                    || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD) {
                throw ApiException.invalidField("password", "The password must be at least " + MIN_PASSWORD
                        + " characters (and at most " + MAX_PASSWORD + " bytes).");
            }
            account.passwordHash = BcryptUtil.bcryptHash(password);
            account.failedLogins = 0;
            account.lockedUntil = null;
        }
        if (creating || request.role() != null) {
            String role = request.role() == null ? Moderator.ROLE_MODERATOR : request.role();
            if (!Moderator.ROLE_MODERATOR.equals(role) && !Moderator.ROLE_ADMIN.equals(role)) {
                throw ApiException.invalidField("role", "The role must be 'moderator' or 'admin'.");
            }
            account.role = role;
        }
        if (request.enabled() != null) {
            account.enabled = request.enabled();
        }
        account.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private Moderator find(String username) {
        Moderator account = moderators.findByUsername(username);
        if (account == null) {
            throw ApiException.notFound("There is no moderator named " + username + ".");
        }
        return account;
    }

    /** User names come from the request: keep control characters out of the log. */
    private static String printable(String value) {
        if (value == null) {
            return "";
        }
        String cut = value.length() > 100 ? value.substring(0, 100) : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
