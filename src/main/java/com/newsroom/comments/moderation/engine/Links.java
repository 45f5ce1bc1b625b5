package com.newsroom.comments.moderation.engine;

import java.net.IDN;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hand-written link scanner (no regex: it runs on every comment). Finds http(s) URLs,
 * "www." hosts and bare domains. A bare domain needs a plausible TLD (any two-letter ccTLD,
 * a common generic TLD or an IDN "xn--" TLD) so that "e.g.", "1.2.3", "3.14" or a missing
 * space after a full stop ("so.Then") are not links; bare candidates with other TLDs are still
 * returned (not {@code counted}) so that a blocklist entry like "spam.example" matches them.
 */
final class Links {

    /** A link in the text: [start, end) in the original string, host lower-cased (IDN in ASCII form). */
    record Link(int start, int end, String host, boolean counted) { }

    private static final Set<String> GENERIC_TLDS = Set.of(
            "com", "net", "org", "info", "biz", "edu", "gov", "mil", "int", "xyz", "top", "online", "site",
            "club", "shop", "store", "tech", "live", "life", "world", "news", "blog", "today", "click", "link",
            "win", "bid", "loan", "work", "space", "website", "fun", "icu", "buzz", "vip", "pro", "mobi", "name",
            "porn", "sex", "sexy", "xxx", "adult", "casino", "bet", "poker", "cam", "dating", "date", "party",
            "trade", "review", "stream", "download", "racing", "faith", "science", "men", "cloud", "digital",
            "email", "agency", "media", "network", "services", "solutions", "support", "money", "finance",
            "capital", "cash", "best", "cyou", "rest", "monster", "bond", "sbs", "cfd", "quest", "lol", "asia",
            "app", "dev", "page", "host", "press", "guru", "ninja", "rocks", "social", "games", "tips", "deals",
            "sale", "market", "exchange", "investments", "bio", "health", "care", "pharmacy", "pills", "travel");

    private Links() { }

    /**
     * The links of {@code text}, in order. A link is a word (a run of non-space characters) with a dot
     * or "://" in it; most words have neither. So the scan jumps from one dot or colon to the next with
     * {@link String#indexOf(int, int)} (vectorised by the JIT) and looks only at the words around them:
     * walking every character of a long comment was most of the moderation engine's time.
     */
    static List<Link> extract(String text) {
        List<Link> links = null;
        int n = text.length();
        int nextDot = indexOrEnd(text, '.', 0); // n when there is none
        int nextColon = indexOrEnd(text, ':', 0);
        int i = 0; // the scan's position: 0, or the end of the last word examined
        while (i < n) {
            if (nextDot < i) {
                nextDot = indexOrEnd(text, '.', i);
            }
            if (nextColon < i) {
                nextColon = indexOrEnd(text, ':', i);
            }
            int mark = Math.min(nextDot, nextColon);
            if (mark >= n) {
                break;
            }
            int a = mark;
            while (a > i && !isSpace(text.charAt(a - 1))) {
                a--;
            }
            int b = mark + 1;
            while (b < n && !isSpace(text.charAt(b))) {
                b++;
            }
            Link l = token(text, a, b);
            if (l != null) {
                if (links == null) {
                    links = new ArrayList<>(4);
                }
                links.add(l);
            }
            i = b;
        }
        return links == null ? List.of() : links;
    }

    private static int indexOrEnd(String text, char c, int from) {
        int at = text.indexOf(c, from);
        return at < 0 ? text.length() : at;
    }

    private static boolean isSpace(char c) {
        if (c < 0x80) {
            return c <= ' ';
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isOpening(char c) {
        return "([{<\"'«“‘".indexOf(c) >= 0;
    }

    private static boolean isClosing(char c) {
        return ".,;:!?)]}>\"'»”’".indexOf(c) >= 0;
    }

    private static Link token(String s, int a, int b) {
        int scheme = indexOf(s, "://", a, b);
        if (scheme >= 0) {
            int h = scheme;
            while (h > a && isAsciiLetter(s.charAt(h - 1))) {
                h--;
            }
            String proto = s.substring(h, scheme).toLowerCase(Locale.ROOT);
            if (proto.endsWith("http") || proto.endsWith("https")) {
                int ps = scheme - (proto.endsWith("https") ? 5 : 4);
                int end = trimEnd(s, ps, b);
                HostSpan hs = hostSpan(s, scheme + 3, end, true);
                if (hs != null && validHost(hs.host, false)) {
                    return new Link(ps, end, normalizeHost(hs.host), true);
                }
                return null;
            }
        }
        while (a < b && isOpening(s.charAt(a))) {
            a++;
        }
        b = trimEnd(s, a, b);
        if (b - a < 4 || indexOf(s, ".", a, b) < 0) {
            return null; // too short, or the word's only dot was the full stop after it
        }
        if (s.regionMatches(true, a, "www.", 0, 4)) {
            HostSpan hs = hostSpan(s, a, b, false);
            if (hs != null && hs.host.indexOf('.', 4) > 0 && validHost(hs.host, false)) {
                return new Link(a, b, normalizeHost(hs.host), true);
            }
            return null;
        }
        HostSpan hs = hostSpan(s, a, b, false);
        if (hs == null || hs.hostStart != a || !validHost(hs.host, true)) {
            return null; // e-mail addresses have '@' before the host and are rejected here
        }
        String host = hs.host;
        int dot = host.lastIndexOf('.');
        String tld = host.substring(dot + 1).toLowerCase(Locale.ROOT);
        boolean counted = tld.length() == 2 || GENERIC_TLDS.contains(tld) || tld.startsWith("xn--");
        return new Link(a, b, normalizeHost(host), counted);
    }

    private record HostSpan(String host, int hostStart) { }

    /** Host part of [a, b): stops at / ? #, drops user info and port. */
    private static HostSpan hostSpan(String s, int a, int b, boolean allowUserInfo) {
        int e = a;
        while (e < b) {
            char c = s.charAt(e);
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
            e++;
        }
        int hs = a;
        int at = lastIndexOf(s, '@', a, e);
        if (at >= a) {
            if (!allowUserInfo) {
                return null;
            }
            hs = at + 1;
        }
        int he = e;
        int colon = indexOf(s, ":", hs, e);
        if (colon >= 0) {
            he = colon;
        }
        if (he > hs && s.charAt(he - 1) == '.') {
            he--;
        }
        if (he <= hs) {
            return null;
        }
        return new HostSpan(s.substring(hs, he), hs);
    }

    private static boolean validHost(String host, boolean bare) {
        int labels = 0;
        int labelStart = 0;
        for (int i = 0; i <= host.length(); i++) {
            if (i == host.length() || host.charAt(i) == '.') {
                int len = i - labelStart;
                if (len == 0 || len > 63 || host.charAt(labelStart) == '-' || host.charAt(i - 1) == '-') {
                    return false;
                }
                labels++;
                labelStart = i + 1;
            } else {
                char c = host.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '-')) {
                    return false;
                }
            }
        }
        if (!bare) {
            return true;
        }
        if (labels < 2) {
            return false;
        }
        String tld = host.substring(host.lastIndexOf('.') + 1);
        if (tld.length() < 2) {
            return false;
        }
        if (tld.regionMatches(true, 0, "xn--", 0, 4)) {
            return true;
        }
        for (int i = 0; i < tld.length(); i++) {
            if (!Character.isLetter(tld.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int trimEnd(String s, int a, int b) {
        while (b > a && isClosing(s.charAt(b - 1))) {
            b--;
        }
        return b;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int lastIndexOf(String s, char c, int a, int b) {
        for (int i = b - 1; i >= a; i--) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** First index of needle inside [a, b) only: searching to the end of the text made scanning quadratic. */
    private static int indexOf(String s, String needle, int a, int b) {
        int last = b - needle.length();
        outer:
        for (int i = a; i <= last; i++) {
            for (int j = 0; j < needle.length(); j++) {
                if (s.charAt(i + j) != needle.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Lower-case (locale-independent) ASCII/IDN form used for all domain comparisons. */
    static String normalizeHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        for (int i = 0; i < h.length(); i++) {
            if (h.charAt(i) >= 128) {
                try {
                    return IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    return h;
                }
            }
        }
        return h;
    }

    /** Host of a WEBSITE field value ("https://x.example/p", "x.example", "//x.example"), with its span. */
    static Link website(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int a = 0;
        int b = value.length();
        while (a < b && isSpace(value.charAt(a))) {
            a++;
        }
        while (b > a && isSpace(value.charAt(b - 1))) {
            b--;
        }
        int scheme = indexOf(value, "://", a, b);
        int hostFrom = scheme >= 0 ? scheme + 3 : (value.startsWith("//", a) ? a + 2 : a);
        HostSpan hs = hostSpan(value, hostFrom, b, true);
        if (hs == null || !validHost(hs.host, false)) {
            return null;
        }
        return new Link(hs.hostStart, hs.hostStart + hs.host.length(), normalizeHost(hs.host), false);
    }

    /** A set of domains matching themselves and all their subdomains. */
    static final class DomainSet {
        private final Set<String> domains = new HashSet<>();

        DomainSet(List<String> entries, String field) {
            if (entries == null) {
                return;
            }
            for (String raw : entries) {
                domains.add(normalizeConfigured(raw, field));
            }
        }

        boolean isEmpty() {
            return domains.isEmpty();
        }

        /** The configured domain that {@code host} equals or is a subdomain of, or null. */
        String match(String host) {
            if (domains.isEmpty()) {
                return null;
            }
            String h = host;
            while (true) {
                if (domains.contains(h)) {
                    return h;
                }
                int dot = h.indexOf('.');
                if (dot < 0) {
                    return null;
                }
                h = h.substring(dot + 1);
            }
        }

        private static String normalizeConfigured(String raw, String field) {
            if (raw == null || raw.isBlank()) {
                throw new InvalidRuleException(field, "domain must not be empty");
            }
            String d = raw.strip();
            int scheme = d.indexOf("://");
            if (scheme >= 0) {
                d = d.substring(scheme + 3);
            }
            int slash = d.indexOf('/');
            if (slash >= 0) {
                d = d.substring(0, slash);
            }
            while (d.startsWith("*.") || d.startsWith(".")) {
                d = d.substring(d.charAt(0) == '*' ? 2 : 1);
            }
            while (d.endsWith(".")) {
                d = d.substring(0, d.length() - 1);
            }
            if (d.isEmpty() || !validHost(d, false)) {
                throw new InvalidRuleException(field, "not a domain: '" + raw.strip() + "'");
            }
            return normalizeHost(d);
        }
    }
}
