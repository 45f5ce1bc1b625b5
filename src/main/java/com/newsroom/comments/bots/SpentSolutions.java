package com.newsroom.comments.bots;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Makes each proof-of-work solution single-use across every instance: its challenge is inserted into
 * {@code pow_spent}, and a second insert of it finds the row. Rows go once their challenge has expired
 * (a solution is refused after that anyway).
 */
@ApplicationScoped
public class SpentSolutions implements PanacheRepositoryBase<SpentSolution, String> {

    private static final Logger LOG = Logger.getLogger(SpentSolutions.class);

    /** Whether this call spent the solution: false if it had been spent before (a replay). One statement. */
    public boolean claim(Altcha.Solution solution) {
        return QuarkusTransaction.joiningExisting().call(() -> getEntityManager().createNativeQuery(
                "insert into pow_spent (challenge, expires_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, solution.challenge()).setParameter(2, solution.expiresAt()).executeUpdate() == 1);
    }

    /** Forgets expired solutions; every instance runs it, and the delete is the same whoever runs it. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        try {
            QuarkusTransaction.requiringNew().run(() -> delete("expiresAt < ?1", Instant.now()));
        } catch (RuntimeException e) {
            LOG.debugf("Expired proof-of-work solutions not purged: %s", e.toString());
        }
    }
}
