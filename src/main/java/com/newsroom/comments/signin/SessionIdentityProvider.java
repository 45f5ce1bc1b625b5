package com.newsroom.comments.signin;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Checks session cookies: from this instance's recent checks on the event loop, else the database off it. */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationRequest> {

    private final Sessions sessions;

    public SessionIdentityProvider(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionAuthenticationRequest> getRequestType() {
        return SessionAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request, AuthenticationRequestContext context) {
        SecurityIdentity cached = sessions.cached(request.tokenHash(), request.safe());
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return context.runBlocking(() -> sessions.check(request.tokenHash())
                .orElseThrow(() -> new AuthenticationFailedException("The session ended")));
    }
}
