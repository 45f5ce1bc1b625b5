package com.newsroom.comments.moderator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import com.newsroom.comments.comment.SubmissionValidator;
import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.moderator.AccountChanged.Change;
import com.newsroom.comments.problem.ApiException;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.panache.common.Sort;

/**
 * Moderator accounts: password checks that cost the same whatever the outcome, password rules, account
 * management and the last-admin guard. Passwords are hashed with bcrypt; neither a password nor its
 * hash is ever logged or returned. Every change of an account (creation, password, role, enabled flag,
 * deletion) fires {@link AccountChanged}, which ends sessions where it should and is written to the audit log.
 */
@ApplicationScoped
public class ModeratorAccounts {

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

    /** Who created the first admin, in the audit log: the configuration, not a moderator. */
    static final String FIRST_ADMIN_ACTOR = "SYSTEM";

    static final String EMAIL_INVALID = "The e-mail address is not valid.";
    static final String DIGEST_NEEDS_EMAIL = "The digest needs an e-mail address: send \"email\" too.";

    private final ModeratorRepository moderators;
    private final Event<AccountChanged> changes;
    /** The comments' e-mail check, for moderators' addresses. */
    private final SubmissionValidator emails;

    public ModeratorAccounts(ModeratorRepository moderators, Event<AccountChanged> changes, Validator beanValidator,
            CommentsConfig config) {
        this.moderators = moderators;
        this.changes = changes;
        this.emails = new SubmissionValidator(beanValidator, config.limits());
    }

    /** A moderator as sign-in sees it; {@code passwordHash} identifies the password version, never leaves the server. */
    public record Account(String username, String role, boolean enabled, String passwordHash) {
    }

    /** The outcome of a password check: {@code account} is set only when the password is right and the account enabled. */
    public record Verification(Optional<Account> account, boolean known) {
    }

    /**
     * Checks a password with exactly one bcrypt whatever the outcome (unknown user, wrong password,
     * disabled account), so the time it takes tells nothing about the account. Writes only on success,
     * and then at most once a minute per account (the last sign-in time).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Verification verify(String username, String password) {
        Moderator account = username == null || username.length() > 100 ? null : moderators.findByUsername(username);
        String candidate = password == null ? "" : password;
        boolean matches = BcryptUtil.matches(candidate, account == null ? DUMMY_HASH : account.passwordHash);
        if (account == null || !matches || !account.enabled) {
            return new Verification(Optional.empty(), account != null);
        }
        Instant now = Instant.now();
        moderators.update("lastLoginAt = ?1 where id = ?2 and (lastLoginAt is null or lastLoginAt < ?3)",
                now, account.id, now.minusSeconds(60));
        return new Verification(Optional.of(account(account)), true);
    }

    /** The account as it is now (for re-checking a remembered credential without bcrypt). */
    @Transactional
    public Optional<Account> current(String username) {
        return Optional.ofNullable(moderators.findByUsername(username)).map(ModeratorAccounts::account);
    }

    /** Sets a new password for a moderator who proved the current one; fires {@link Change#PASSWORD}. */
    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword) {
        Moderator account = find(username);
        checkPassword("newPassword", newPassword);
        if (newPassword.equals(currentPassword)) {
            throw ApiException.invalidField("newPassword", "The new password must differ from the current one.");
        }
        account.passwordHash = BcryptUtil.bcryptHash(newPassword);
        account.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        changes.fire(new AccountChanged(account.username, username, Change.PASSWORD));
    }

    /** Ends the moderator's sessions everywhere ({@link Change#SIGNED_OUT_EVERYWHERE}). */
    @Transactional
    public void signOutEverywhere(String username, String actor) {
        changes.fire(new AccountChanged(find(username).username, actor, Change.SIGNED_OUT_EVERYWHERE));
    }

    /** A moderator's own account, as its settings show it. */
    @Transactional
    public ModeratorView own(String username) {
        return ModeratorView.of(find(username));
    }

    /**
     * Changes a moderator's own notification settings: the e-mail address and the digest opt-in; absent
     * fields stay as they are.
     */
    @Transactional
    public ModeratorView changeSettings(String username, AccountSettings settings) {
        Moderator account = find(username);
        applyNotifications(account, settings == null ? null : settings.email(), settings == null ? null : settings.digest());
        account.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return ModeratorView.of(account);
    }

    public List<ModeratorView> list() {
        return moderators.listAll(Sort.by("username")).stream().map(ModeratorView::of).toList();
    }

    /** Creates an account; {@code actor} is the admin who did (the audit log's). */
    @Transactional
    public ModeratorView create(ModeratorRequest request, String actor) {
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
        apply(account, request, true, actor);
        moderators.persist(account);
        changes.fire(new AccountChanged(account.username, actor, Change.CREATED,
                account.role + (account.enabled ? "" : ", disabled")));
        return ModeratorView.of(account);
    }

    @Transactional
    public ModeratorView update(String username, ModeratorRequest request, String actor) {
        Moderator account = find(username);
        apply(account, request, false, actor);
        return ModeratorView.of(account);
    }

    @Transactional
    public void delete(String username, String actor) {
        Moderator account = find(username);
        if (account.username.equals(actor)) {
            throw ApiException.conflict("You cannot delete your own account.");
        }
        if (isEnabledAdmin(account)) {
            guardLastAdmin(account, "deleted");
        }
        changes.fire(new AccountChanged(account.username, actor, Change.DELETED));
        moderators.delete(account);
    }

    /** Creates the first admin from configuration when the database has no moderator at all. */
    @Transactional
    public boolean createFirstAdmin(String username, String password) {
        if (moderators.count() > 0) {
            return false;
        }
        create(new ModeratorRequest(username, password, Moderator.ROLE_ADMIN, true), FIRST_ADMIN_ACTOR);
        return true;
    }

    private void apply(Moderator account, ModeratorRequest request, boolean creating, String actor) {
        if (request == null) {
            throw ApiException.invalidField("password", "Send the account's fields.");
        }
        String role = creating && request.role() == null ? Moderator.ROLE_MODERATOR : request.role();
        if (role != null && !Moderator.ROLE_MODERATOR.equals(role) && !Moderator.ROLE_ADMIN.equals(role)) {
            throw ApiException.invalidField("role", "The role must be 'moderator' or 'admin'.");
        }
        if (creating || request.password() != null) {
            checkPassword("password", request.password());
        }
        boolean demoted = !creating && role != null && !role.equals(account.role) && Moderator.ROLE_ADMIN.equals(account.role);
        boolean disabled = !creating && Boolean.FALSE.equals(request.enabled()) && account.enabled;
        if ((demoted || disabled) && isEnabledAdmin(account)) {
            guardLastAdmin(account, demoted ? "demoted" : "disabled");
        }
        if (creating || request.password() != null) {
            account.passwordHash = BcryptUtil.bcryptHash(request.password());
            if (!creating) {
                changes.fire(new AccountChanged(account.username, actor, Change.PASSWORD));
            }
        }
        if (role != null && !role.equals(account.role)) {
            String before = account.role;
            account.role = role;
            if (!creating) {
                changes.fire(new AccountChanged(account.username, actor, Change.ROLE, before + " → " + role));
            }
        }
        if (request.enabled() != null && request.enabled() != account.enabled) {
            account.enabled = request.enabled();
            if (!creating) {
                changes.fire(new AccountChanged(account.username, actor, account.enabled ? Change.ENABLED : Change.DISABLED));
            }
        }
        applyNotifications(account, request.email(), request.digest());
        account.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** An e-mail address ("" removes it) and the digest opt-in; the digest needs an address. */
    private void applyNotifications(Moderator account, String email, Boolean digest) {
        if (email != null) {
            String address = email.strip();
            if (!address.isEmpty() && !emails.validateEmail(address).isEmpty()) {
                throw ApiException.invalidField("email", EMAIL_INVALID);
            }
            account.email = address.isEmpty() ? null : address;
        }
        if (digest != null) {
            account.digest = digest;
        }
        if (account.digest && account.email == null) {
            throw ApiException.invalidField("digest", DIGEST_NEEDS_EMAIL);
        }
    }

    /**
     * Refuses (409) to take away the last enabled admin. The enabled admins' rows are locked first, so two
     * admins demoting each other at once cannot both succeed.
     */
    private void guardLastAdmin(Moderator account, String what) {
        long admins = moderators.find("role = ?1 and enabled = true", Moderator.ROLE_ADMIN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().size();
        if (admins <= 1) {
            throw ApiException.conflict(account.username + " is the last enabled admin and cannot be " + what
                    + ": make another account admin first.");
        }
    }

    private static boolean isEnabledAdmin(Moderator account) {
        return account.enabled && Moderator.ROLE_ADMIN.equals(account.role);
    }

    /** At least 12 characters, at most 72 bytes (bcrypt's limit), and not one of the most common passwords. */
    static void checkPassword(String field, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD) {
            throw ApiException.invalidField(field, "The password must be at least " + MIN_PASSWORD
                    + " characters (and at most " + MAX_PASSWORD + " bytes).");
        }
        if (CommonPasswords.contains(password)) {
            throw ApiException.invalidField(field, "This password is one of the most common ones; choose another.");
        }
    }

    private Moderator find(String username) {
        Moderator account = username == null ? null : moderators.findByUsername(username);
        if (account == null) {
            throw ApiException.notFound("There is no moderator named " + username + ".");
        }
        return account;
    }

    private static Account account(Moderator m) {
        return new Account(m.username, m.role, m.enabled, m.passwordHash);
    }
}
