package com.newsroom.comments.moderation.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Blocked IPv4/IPv6 addresses and CIDR ranges. Addresses are hand-parsed (never
 * InetAddress.getByName, which may do DNS) into 128 bits; IPv4 is stored as IPv4-mapped IPv6
 * so "::ffff:203.0.113.5" and "203.0.113.5" are the same address. Lookup = one hash probe
 * per distinct prefix length.
 */
final class IpRanges {

    private record Key(long hi, long lo) { }

    // prefix length (0..128) -> masked network -> configured text
    private final TreeMap<Integer, Map<Key, String>> byPrefix = new TreeMap<>();
    private final int[] prefixes;

    IpRanges(Iterable<String> entries) {
        for (String raw : entries) {
            if (raw == null || raw.isBlank()) {
                throw new InvalidRuleException("ips", "IP address must not be empty");
            }
            String s = raw.strip();
            int slash = s.indexOf('/');
            String addr = slash < 0 ? s : s.substring(0, slash);
            long[] ip = parse(addr);
            if (ip == null) {
                throw new InvalidRuleException("ips", "not an IPv4/IPv6 address or CIDR range: '" + s + "'");
            }
            boolean v4 = addr.indexOf(':') < 0;
            int prefix = 128;
            if (slash >= 0) {
                String p = s.substring(slash + 1);
                if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    throw new InvalidRuleException("ips", "bad CIDR prefix in '" + s + "'");
                }
                int len = Integer.parseInt(p);
                if (len > (v4 ? 32 : 128)) {
                    throw new InvalidRuleException("ips", "CIDR prefix out of range in '" + s + "'");
                }
                prefix = v4 ? len + 96 : len;
            }
            byPrefix.computeIfAbsent(prefix, k -> new HashMap<>()).putIfAbsent(mask(ip, prefix), s);
        }
        prefixes = byPrefix.descendingKeySet().stream().mapToInt(Integer::intValue).toArray();
    }

    boolean isEmpty() {
        return prefixes.length == 0;
    }

    /** The configured entry that contains {@code ip}, or null (also null for unparseable input). */
    String match(String ip) {
        if (ip == null || prefixes.length == 0) {
            return null;
        }
        String s = ip.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        long[] a = parse(s);
        if (a == null) {
            return null;
        }
        for (int p : prefixes) {
            String hit = byPrefix.get(p).get(mask(a, p));
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    private static Key mask(long[] a, int prefix) {
        if (prefix == 0) {
            return new Key(0, 0);
        }
        if (prefix <= 64) {
            return new Key(a[0] & (-1L << (64 - prefix)), 0);
        }
        return new Key(a[0], a[1] & (-1L << (128 - prefix)));
    }

    /** Parses an IPv4 or IPv6 literal into {hi, lo}; null if it is not one. */
    static long[] parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        int pct = s.indexOf('%');
        if (pct >= 0) {
            s = s.substring(0, pct); // zone id: fe80::1%eth0
        }
        if (s.indexOf(':') < 0) {
            long v4 = parseV4(s);
            return v4 < 0 ? null : new long[] {0L, 0xFFFF_0000_0000L | v4};
        }
        int[] groups = new int[8];
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        int n;
        if (dbl < 0) {
            n = parseGroups(s, groups, 0, true);
            if (n != 8) {
                return null;
            }
        } else {
            String head = s.substring(0, dbl);
            String tail = s.substring(dbl + 2);
            int[] h = new int[8];
            int[] t = new int[8];
            int hn = head.isEmpty() ? 0 : parseGroups(head, h, 0, false);
            int tn = tail.isEmpty() ? 0 : parseGroups(tail, t, 0, true);
            if (hn < 0 || tn < 0 || hn + tn > 7) {
                return null;
            }
            System.arraycopy(h, 0, groups, 0, hn);
            System.arraycopy(t, 0, groups, 8 - tn, tn);
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 4; i++) {
            hi = (hi << 16) | groups[i];
            lo = (lo << 16) | groups[i + 4];
        }
        return new long[] {hi, lo};
    }

    /** Parses colon-separated hex groups (last one may be dotted IPv4); returns group count or -1. */
    private static int parseGroups(String s, int[] out, int n, boolean allowV4Tail) {
        String[] parts = s.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && allowV4Tail && p.indexOf('.') >= 0) {
                long v4 = parseV4(p);
                if (v4 < 0 || n + 2 > 8) {
                    return -1;
                }
                out[n++] = (int) (v4 >>> 16);
                out[n++] = (int) (v4 & 0xFFFF);
                continue;
            }
            if (p.isEmpty() || p.length() > 4 || n >= 8) {
                return -1;
            }
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                int d = Character.digit(p.charAt(k), 16);
                if (d < 0 || p.charAt(k) > 'f') {
                    return -1;
                }
                v = v * 16 + d;
            }
            out[n++] = v;
        }
        return n;
    }

    /** Strict dotted quad; returns the 32-bit value or -1. */
    static long parseV4(String s) {
        long v = 0;
        int parts = 0;
        int i = 0;
        int n = s.length();
        while (parts < 4) {
            int startDigits = i;
            int x = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - startDigits < 3) {
                x = x * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == startDigits || x > 255) {
                return -1;
            }
            v = (v << 8) | x;
            parts++;
            if (parts < 4) {
                if (i >= n || s.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == n ? v : -1;
    }
}
