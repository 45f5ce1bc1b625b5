package com.newsroom.comments.signin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The session rows, and the one query that checks a session together with its account. */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<ModeratorSession, byte[]> {

    /** A live session as the database has it now, with its account's current name, role and state. */
    public record Live(String username, String role, boolean enabled, Instant lastSeenAt, Instant expiresAt) {
    }

    public Optional<Live> findLive(byte[] tokenHash) {
        List<Object[]> rows = getEntityManager().createQuery(
                "select m.username, m.role, m.enabled, s.lastSeenAt, s.expiresAt from ModeratorSession s, "
                        + "com.newsroom.comments.moderator.Moderator m where s.tokenHash = :hash and m.id = s.moderatorId",
                Object[].class).setParameter("hash", tokenHash).getResultList();
        return rows.stream().findFirst().map(r -> new Live((String) r[0], (String) r[1], (Boolean) r[2], (Instant) r[3],
                (Instant) r[4]));
    }

    public Optional<Long> moderatorId(String username) {
        return getEntityManager().createQuery("select m.id from com.newsroom.comments.moderator.Moderator m where m.username = :u",
                Long.class).setParameter("u", username).getResultStream().findFirst();
    }

    public long deleteFor(String username) {
        return delete("moderatorId in (select m.id from com.newsroom.comments.moderator.Moderator m where m.username = ?1)",
                username);
    }

    public long deleteExpired(Instant idleBefore, Instant now) {
        return delete("lastSeenAt < ?1 or expiresAt < ?2", idleBefore, now);
    }

    public void touch(byte[] tokenHash, Instant now) {
        update("lastSeenAt = ?1 where tokenHash = ?2", now, tokenHash);
    }
}
