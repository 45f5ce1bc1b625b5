package com.newsroom.comments.signin;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.moderator.ModeratorAccounts;
import com.newsroom.comments.moderator.ModeratorAccounts.Account;
import com.newsroom.comments.problem.ApiException;
import com.newsroom.comments.problem.ProblemMappers;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks HTTP Basic credentials (Quarkus's Basic mechanism calls it). A credential this instance verified
 * recently is answered from {@link VerifiedCredentials} on the event loop (reads) or after one database
 * read without bcrypt (a stale entry, or a request that may change something); anything else goes through
 * {@link SignInService}: throttle, then one bcrypt, off the event loop.
 */
@ApplicationScoped
public class BasicIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final SignInService signIn;
    private final ModeratorAccounts accounts;
    private final VerifiedCredentials verified;
    private final long recheckNanos;

    public BasicIdentityProvider(SignInService signIn, ModeratorAccounts accounts, VerifiedCredentials verified,
            CommentsConfig config) {
        this.signIn = signIn;
        this.accounts = accounts;
        this.verified = verified;
        this.recheckNanos = config.signin().recheckInterval().toNanos();
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        boolean safe = routing == null || CrossSite.isSafe(routing.request().method().name());
        String username = request.getUsername();
        String key = verified.key(username, request.getPassword().getPassword());
        VerifiedCredentials.Entry entry = verified.get(key);
        if (entry != null && safe && System.nanoTime() - entry.checkedAt() < recheckNanos) {
            return Uni.createFrom().item(entry.identity());
        }
        String address = routing == null ? "?" : ClientAddress.of(routing.request());
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> {
            if (entry != null) {
                Optional<Account> now = accounts.current(username);
                if (now.isPresent() && now.get().enabled() && now.get().passwordHash().equals(entry.passwordHash())) {
                    return remember(key, now.get());
                }
                verified.forget(key);
            }
            SignInService.Outcome outcome = signIn.signIn(username, password, address);
            if (outcome.throttled()) {
                throw throttled(outcome.retryAfter());
            }
            return remember(key, outcome.account()
                    .orElseThrow(() -> new AuthenticationFailedException("Invalid credentials")));
        });
    }

    private SecurityIdentity remember(String key, Account account) {
        SecurityIdentity identity = Identities.of(account.username(), account.role(), Map.of());
        verified.put(key, new VerifiedCredentials.Entry(account.username(), account.passwordHash(), identity, System.nanoTime()));
        return identity;
    }

    static AuthenticationFailedException throttled(Duration retryAfter) {
        return new AuthenticationFailedException("Throttled", Map.of(ProblemMappers.PROBLEM_ATTRIBUTE, tooMany(retryAfter)));
    }

    static ApiException tooMany(Duration retryAfter) {
        return ApiException.tooManyRequests("Too many failed sign-ins from your address. Try again later.", retryAfter);
    }
}
