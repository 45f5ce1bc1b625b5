package com.newsroom.comments.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AddressGuardTest {

    /** Names resolved without DNS, like an attacker's name that points at an internal address. */
    static final Map<String, String> DNS = Map.of("public.example", "93.184.216.34", "rebind.example", "127.0.0.1",
            "metadata.example", "169.254.169.254", "internal.example", "10.1.2.3", "v6.example", "2606:4700::1111",
            "ula.example", "fd00:ec2::254", "mapped.example", "::ffff:192.168.1.1", "cgnat.example", "100.100.100.200");

    static AddressGuard guard(boolean allowPrivate, boolean requireHttps) {
        return new AddressGuard(allowPrivate, requireHttps, host -> {
            String address = DNS.get(host);
            if (address == null) {
                if (host.matches("[0-9.]+|.*:.*")) {
                    return new InetAddress[] { InetAddress.getByName(host) };
                }
                throw new UnknownHostException(host);
            }
            return new InetAddress[] { InetAddress.getByName(address) };
        });
    }

    @Test
    void publicHttpsUrlsPass() throws Exception {
        assertEquals("public.example", guard(false, true).check("https://public.example/hooks").getHost());
        guard(false, true).check("https://v6.example/hooks");
        guard(false, true).check("https://93.184.216.34/hooks");
    }

    @Test
    void privateLoopbackLinkLocalAndMetadataAddressesAreRefused() {
        for (String url : new String[] { "https://rebind.example/", "https://metadata.example/latest/meta-data",
                "https://internal.example/", "https://ula.example/", "https://mapped.example/", "https://cgnat.example/",
                "https://127.0.0.1/", "https://[::1]/", "https://0.0.0.0/", "https://192.168.0.10/", "https://172.16.5.4/",
                "https://169.254.169.254/", "https://[fe80::1]/", "https://224.0.0.1/", "https://255.255.255.255/" }) {
            AddressGuard.Refused refused = assertThrows(AddressGuard.Refused.class, () -> guard(false, true).check(url), url);
            assertTrue(refused.getMessage().contains("public addresses only"), refused.getMessage());
        }
    }

    @Test
    void privateNetworksPassWhenAllowed() throws Exception {
        guard(true, true).check("https://rebind.example/");
        guard(true, false).check("http://127.0.0.1:8080/hook");
    }

    @Test
    void onlyHttpsUnlessAllowed() throws Exception {
        assertThrows(AddressGuard.Refused.class, () -> guard(false, true).check("http://public.example/"));
        guard(false, false).check("http://public.example/");
        assertThrows(AddressGuard.Refused.class, () -> guard(true, false).check("ftp://public.example/"));
        assertThrows(AddressGuard.Refused.class, () -> guard(true, false).check("file:///etc/passwd"));
    }

    @Test
    void malformedUrlsAreRefused() {
        for (String url : new String[] { null, "", "not a url", "https://", "https:///path", "https://user:pw@public.example/",
                "//public.example/" }) {
            assertThrows(AddressGuard.Refused.class, () -> guard(false, true).check(url), String.valueOf(url));
        }
        assertThrows(AddressGuard.Refused.class, () -> guard(false, true).check("https://unknown.invalid/"));
    }
}
