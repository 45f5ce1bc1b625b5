package com.newsroom.comments.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.ibm.icu.text.MessageFormat;

/** The bundles: complete, well-formed, English as the seed has it. */
class MessagesTest {

    static final Set<String> BUNDLED = Set.of("en", "tr", "ar", "de", "fr", "es");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @Test
    void theSixLanguagesAreFound() {
        assertEquals(new TreeSet<>(BUNDLED), Messages.languages());
    }

    @ParameterizedTest
    @ValueSource(strings = { "tr", "ar", "de", "fr", "es" })
    void everyBundleHasEveryKeyOfTheEnglishOneAndNoOther(String language) {
        Map<String, String> english = Messages.read(Messages.BASE + ".properties");
        Map<String, String> translated = Messages.read(Messages.BASE + "_" + language + ".properties");
        assertNotNull(translated, language);
        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(translated.keySet());
        Set<String> extra = new TreeSet<>(translated.keySet());
        extra.removeAll(english.keySet());
        assertEquals(Set.of(), missing, language + " lacks keys");
        assertEquals(Set.of(), extra, language + " has keys English has not");
        for (String key : english.keySet()) {
            assertEquals(arguments(english.get(key)), arguments(translated.get(key)), language + " " + key + ": arguments");
            new MessageFormat(translated.get(key)); // parses
            assertTrue(!translated.get(key).isBlank(), key);
        }
    }

    @Test
    void englishIsTheSeedsWordsExactly() {
        Messages en = Messages.english();
        assertEquals("Please enter your comment!", en.text("text.required"));
        assertEquals("Please enter your name here", en.text("name.required"));
        assertEquals("You have entered an incorrect email address!", en.text("email.invalid"));
        assertEquals("Duplicate comment detected; it looks as though you've already said that!", en.text("comment.duplicate"));
        assertEquals("You are posting comments too quickly. Slow down.", en.text("comment.too_fast"));
        assertEquals("Comments are closed.", en.text("comment.closed"));
        assertEquals("The request has 2 invalid fields.", en.text("problem.validation.detail", 2));
        assertEquals("The value of 'name' has the wrong type or format.", en.text("value.wrong_type", "name"));
        assertEquals("The form is not properly encoded (a '%' must be followed by two hexadecimal digits).",
                en.text("form.malformed"));
        assertEquals("Your comment is too long: at most 65525 characters are allowed (it has 65526).",
                en.text("text.too_long", "65525", "65526"));
    }

    @Test
    void pluralsFollowEachLanguagesRules() {
        assertEquals("Die Anfrage hat 3 ungültige Felder.", Messages.of("de").text("problem.validation.detail", 3));
        assertEquals("في الطلب حقلان غير صالحين.", Messages.of("ar").text("problem.validation.detail", 2));
        assertEquals("في الطلب 3 حقول غير صالحة.", Messages.of("ar").text("problem.validation.detail", 3));
        assertEquals("İstekte 4 geçersiz alan var.", Messages.of("tr").text("problem.validation.detail", 4));
    }

    @Test
    void translationsDifferFromEnglish() {
        for (String language : BUNDLED) {
            if (!language.equals("en")) {
                assertNotEquals(Messages.english().text("text.required"), Messages.of(language).text("text.required"), language);
            }
        }
        assertEquals("Lütfen yorumunuzu yazın!", Messages.of("tr").text("text.required"));
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
