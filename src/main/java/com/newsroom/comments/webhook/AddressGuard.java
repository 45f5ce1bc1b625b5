package com.newsroom.comments.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which webhook URLs the service may call (server-side request forgery): an absolute {@code https} URL
 * (or {@code http} when allowed) without user info, whose host resolves only to public addresses unless
 * private networks are allowed. Loopback, unspecified, private (RFC 1918, unique local), link-local (cloud
 * metadata at 169.254.169.254 included), carrier-grade NAT, multicast and reserved ranges are refused.
 * Checked when a webhook is saved and again before every delivery.
 */
public final class AddressGuard {

    /** Why a URL is refused, in words for the admin. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Resolves a host name; replaced in tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivateNetworks;
    private final boolean requireHttps;
    private final Resolver resolver;

    public AddressGuard(boolean allowPrivateNetworks, boolean requireHttps, Resolver resolver) {
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.requireHttps = requireHttps;
        this.resolver = resolver;
    }

    public AddressGuard(boolean allowPrivateNetworks, boolean requireHttps) {
        this(allowPrivateNetworks, requireHttps, InetAddress::getAllByName);
    }

    /** The URL, parsed, if the service may call it now. */
    public URI check(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("The URL is not valid: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            throw new Refused(requireHttps ? "The URL must start with https://." : "The URL must start with https:// or http://.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("The URL has no host name.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("The URL must not contain a user name or password.");
        }
        if (allowPrivateNetworks) {
            return uri;
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("The host " + host + " cannot be resolved.");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new Refused("The host " + host + " resolves to " + address.getHostAddress()
                        + ", a loopback, private, link-local or reserved address: webhooks are sent to public addresses only.");
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int a0 = b[0] & 0xff;
            int a1 = b[1] & 0xff;
            return a0 != 0 // "this network"
                    && !(a0 == 100 && a1 >= 64 && a1 < 128) // carrier-grade NAT (Alibaba's metadata 100.100.100.200)
                    && !(a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
                    && a0 < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7 (AWS's metadata fd00:ec2::254)
            }
            boolean mappedOrCompatible = true; // ::ffff:a.b.c.d and ::a.b.c.d carry an IPv4 address
            for (int i = 0; i < 10; i++) {
                mappedOrCompatible &= b[i] == 0;
            }
            if (mappedOrCompatible && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
