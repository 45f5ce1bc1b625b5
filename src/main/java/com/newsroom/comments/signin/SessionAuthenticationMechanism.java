package com.newsroom.comments.signin;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.newsroom.comments.problem.ApiException;
import com.newsroom.comments.problem.ProblemMappers;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Signs a request in by its session cookie, next to Quarkus's HTTP Basic and bearer-token mechanisms.
 * A request that carries an {@code Authorization} header is left to those (explicit credentials win over
 * a cookie the browser adds by itself). A cookie on a request that may change something must pass the
 * cross-site check ({@link CrossSite}), else the request is refused with 403.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final ApiException CROSS_SITE = ApiException.forbidden("cross-site-request",
            "A request signed in by the session cookie that changes something must be sent by the moderation page "
                    + "(with the X-Requested-With header, from this site).");

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (context.request().headers().contains(HttpHeaders.AUTHORIZATION)) {
            return Uni.createFrom().nullItem();
        }
        Cookie cookie = context.request().getCookie(Sessions.COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        if (!CrossSite.allowed(context.request())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("cross-site request",
                    Map.of(ProblemMappers.PROBLEM_ATTRIBUTE, CROSS_SITE)));
        }
        SessionAuthenticationRequest request = new SessionAuthenticationRequest(Hashes.sha256(cookie.getValue()),
                CrossSite.isSafe(context.request().method().name()));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem(); // Basic's challenge is the one sent
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, Sessions.COOKIE));
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY - 100; // after Basic and bearer tokens: their challenge is the one sent
    }
}
