package com.newsroom.comments.signin;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.vertx.core.http.HttpServerRequest;

/**
 * The client address sign-in throttling counts by: the request's remote address (the forwarded one where
 * the proxy is trusted, Quarkus's {@code quarkus.http.proxy.*}); an IPv6 address by its /64 network, which
 * one subscriber usually has whole. Plain Java apart from reading the request.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        String address = request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return normalize(address);
    }

    /** IPv4 as it is, IPv6 as its /64 prefix ({@code 2001:db8:1:2::/64}); unknown as {@code "?"}. */
    static String normalize(String address) {
        if (address == null || address.isEmpty()) {
            return "?";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1) : address)
                    .getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return address;
        }
    }
}
