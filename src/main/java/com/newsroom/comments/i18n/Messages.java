package com.newsroom.comments.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import com.ibm.icu.text.MessageFormat;

/**
 * One language's messages: the Java properties file {@code i18n/messages_<language>.properties} (UTF-8;
 * English is {@code i18n/messages.properties}), read once. Values are ICU MessageFormat patterns
 * ({@code {0}}, plurals by the language's own rules, {@code ''} for an apostrophe before a brace). A key a
 * translation lacks falls back to English. Adding a language is adding its file: every ISO 639 language
 * with a file on the class path is found at start.
 */
public final class Messages {

    public static final String ENGLISH = "en";
    static final String BASE = "i18n/messages";

    private static final Map<String, Messages> BUNDLES = loadAll();

    private final String language;
    private final Locale locale;
    private final Map<String, String> patterns;
    /** The messages without arguments, formatted once (success messages are on every submission). */
    private final Map<String, String> plain;
    private final Messages fallback;

    private Messages(String language, Map<String, String> patterns, Messages fallback) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language);
        this.patterns = patterns;
        this.fallback = fallback;
        Map<String, String> formatted = new HashMap<>();
        patterns.forEach((key, pattern) -> formatted.put(key, new MessageFormat(pattern, locale).format(new Object[0])));
        this.plain = formatted;
    }

    /** English, the reference. */
    public static Messages english() {
        return BUNDLES.get(ENGLISH);
    }

    /** The bundle of a supported language (a lower-case ISO 639 code), or null. */
    public static Messages of(String language) {
        return language == null ? null : BUNDLES.get(language);
    }

    /** The languages with a bundle, English included. */
    public static Set<String> languages() {
        return Collections.unmodifiableSet(new TreeSet<>(BUNDLES.keySet()));
    }

    /** The language's code, as in {@code Content-Language}. */
    public String language() {
        return language;
    }

    public boolean has(String key) {
        return patterns.containsKey(key) || (fallback != null && fallback.has(key));
    }

    /** The keys this language's own file defines. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(patterns.keySet());
    }

    /**
     * The message {@code key} with its arguments, in this language (else in English). Numbers that are
     * not plural counts are best passed as strings: the pattern then shows them as they are.
     *
     * @throws IllegalArgumentException for a key no bundle has: a programming error
     */
    public String text(String key, Object... args) {
        String pattern = patterns.get(key);
        if (pattern == null) {
            if (fallback == null) {
                throw new IllegalArgumentException("No message " + key);
            }
            return fallback.text(key, args);
        }
        return args.length == 0 ? plain.get(key) : new MessageFormat(pattern, locale).format(args);
    }

    @Override
    public String toString() {
        return "Messages[" + language + "]";
    }

    private static Map<String, Messages> loadAll() {
        Map<String, String> englishPatterns = read(BASE + ".properties");
        if (englishPatterns == null) {
            throw new IllegalStateException(BASE + ".properties is missing");
        }
        Messages english = new Messages(ENGLISH, englishPatterns, null);
        Map<String, Messages> bundles = new HashMap<>();
        bundles.put(ENGLISH, english);
        for (String language : Locale.getISOLanguages()) {
            Map<String, String> patterns = ENGLISH.equals(language) ? null : read(BASE + "_" + language + ".properties");
            if (patterns != null) {
                bundles.put(language, new Messages(language, patterns, english));
            }
        }
        return Map.copyOf(bundles);
    }

    /** The file's entries, or null if there is no such file. */
    static Map<String, String> read(String resource) {
        ClassLoader loader = Messages.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> entries = new HashMap<>();
            properties.stringPropertyNames().forEach(name -> entries.put(name, properties.getProperty(name)));
            return Map.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
