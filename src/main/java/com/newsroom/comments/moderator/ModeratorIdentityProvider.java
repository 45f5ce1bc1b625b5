package com.newsroom.comments.moderator;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Checks HTTP Basic credentials against the moderator accounts in the database. Quarkus's Basic
 * mechanism calls it; the database work runs off the event loop.
 */
@ApplicationScoped
public class ModeratorIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final ModeratorAccounts accounts;
    private final FirstAdmin firstAdmin;

    public ModeratorIdentityProvider(ModeratorAccounts accounts, FirstAdmin firstAdmin) {
        this.accounts = accounts;
        this.firstAdmin = firstAdmin;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> signIn(request));
    }

    private SecurityIdentity signIn(UsernamePasswordAuthenticationRequest request) {
        firstAdmin.awaitCreation(); // right after a first start, the configured admin may be being created
        return accounts.signIn(request.getUsername(), request.getPassword().getPassword())
                .map(account -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(account.username()))
                        .addRoles(Moderator.ROLE_ADMIN.equals(account.role())
                                ? java.util.Set.of(Moderator.ROLE_ADMIN, Moderator.ROLE_MODERATOR)
                                : java.util.Set.of(Moderator.ROLE_MODERATOR))
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("Invalid credentials"));
    }
}
