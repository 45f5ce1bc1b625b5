package com.newsroom.comments.signin;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A session cookie's token (as its SHA-256) to check; {@code safe}: the request changes nothing. */
public class SessionAuthenticationRequest extends BaseAuthenticationRequest {

    private final byte[] tokenHash;
    private final boolean safe;

    public SessionAuthenticationRequest(byte[] tokenHash, boolean safe) {
        this.tokenHash = tokenHash;
        this.safe = safe;
    }

    public byte[] tokenHash() {
        return tokenHash;
    }

    public boolean safe() {
        return safe;
    }
}
