package com.newsroom.comments.audit;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.newsroom.comments.moderator.AccountChanged;

/**
 * Writes admins' changes of moderator accounts to the audit log, in the transaction that made them: an
 * account created (MODERATOR_CREATE), its role changed (MODERATOR_ROLE), disabled or enabled again
 * (MODERATOR_DISABLE, MODERATOR_ENABLE), deleted (MODERATOR_DELETE). The actor is the admin; the details
 * name the account. New passwords and signing out everywhere are written by the sign-in code, which knows
 * how many sessions ended (PASSWORD_CHANGE, SIGN_OUT_EVERYWHERE).
 */
@ApplicationScoped
public class AccountAudit {

    private final AuditLog audit;

    public AccountAudit(AuditLog audit) {
        this.audit = audit;
    }

    void onAccountChanged(@Observes AccountChanged change) {
        String action = switch (change.change()) {
            case CREATED -> "MODERATOR_CREATE";
            case ROLE -> "MODERATOR_ROLE";
            case DISABLED -> "MODERATOR_DISABLE";
            case ENABLED -> "MODERATOR_ENABLE";
            case DELETED -> "MODERATOR_DELETE";
            case PASSWORD, SIGNED_OUT_EVERYWHERE -> null;
        };
        if (action != null) {
            audit.record(new AuditLog.Event(change.actor(), action, null, null, null, null, null, null,
                    details(change)), Instant.now());
        }
    }

    /** "account ayse: moderator → admin". */
    static String details(AccountChanged change) {
        return "account " + change.username() + (change.detail() == null ? "" : ": " + change.detail());
    }
}
