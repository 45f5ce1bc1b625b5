package com.newsroom.comments.common;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;

import com.newsroom.comments.problem.ApiException;

/**
 * An {@code application/x-www-form-urlencoded} body, parsed by the service rather than by Quarkus's form
 * parser, so that a form accepts exactly what JSON accepts: no field size limit of its own (the decoded
 * fields together are limited like a JSON body, {@code comments.limits.body}, 413 beyond; each field by
 * the same length checks as JSON), and every malformed body (broken percent-encoding, more than
 * {@code comments.limits.form-fields} fields, a NUL or unpaired surrogate, an unknown charset) is a 4xx
 * problem, never a 500. Of a repeated field the first value counts. Used by every form endpoint: comment
 * submissions, readers' reports, sign-in. Plain Java.
 */
public final class FormFields {

    public static final String MALFORMED = "form.malformed";

    private FormFields() {
    }

    /**
     * Parses {@code body} in the charset its {@code type} names (UTF-8 when none; an unknown one is 415).
     *
     * @param maxBytes the most UTF-8 bytes the decoded names and values may take together: what the same
     *        fields would take in a JSON body under the same limit (413 beyond)
     */
    public static Map<String, String> parse(String body, MediaType type, int maxFields, long maxBytes) {
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return parse(body, charset(charset), maxFields, maxBytes);
    }

    static Map<String, String> parse(String body, Charset charset, int maxFields, long maxBytes) {
        Map<String, String> fields = new HashMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        long bytes = 0;
        int count = 0;
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf('&', start);
            if (end < 0) {
                end = body.length();
            }
            if (end > start) {
                if (++count > maxFields) {
                    throw ApiException.invalid("form", "form.too_many_fields", String.valueOf(maxFields));
                }
                int equals = body.indexOf('=', start);
                boolean hasValue = equals >= 0 && equals < end;
                String name = decode(body.substring(start, hasValue ? equals : end), charset);
                String value = hasValue ? decode(body.substring(equals + 1, end), charset) : "";
                if (!StorableText.isStorable(name)) {
                    throw ApiException.invalid("form", "form.unstorable_name");
                }
                if (!StorableText.isStorable(value)) {
                    throw ApiException.invalid(name, "param.unstorable", name);
                }
                bytes += utf8Length(name) + utf8Length(value);
                if (bytes > maxBytes) {
                    throw ApiException.payloadTooLarge(maxBytes);
                }
                fields.putIfAbsent(name, value);
            }
            start = end + 1;
        }
        return fields;
    }

    private static long utf8Length(String value) {
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            length += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3; // a surrogate pair: 4
        }
        return length;
    }

    private static String decode(String encoded, Charset charset) {
        try {
            return URLDecoder.decode(encoded, charset);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("form", MALFORMED);
        }
    }

    private static Charset charset(String name) {
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.of(415, "unsupported-media-type", "Unsupported Media Type", null,
                    "problem.unsupported-media-type.charset", name);
        }
    }
}
