package com.newsroom.comments.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The choice of a request's language: lang, then Accept-Language by q-value, then the default. */
class LanguagesTest {

    final Languages languages = new Languages("en");

    String choose(String lang, String acceptLanguage) {
        return languages.choose(lang, acceptLanguage).language();
    }

    @Test
    void acceptLanguageIsReadByQuality() {
        assertEquals("tr", choose(null, "tr-TR,tr;q=0.9,en;q=0.8"));
        assertEquals("de", choose(null, "ja;q=1, de-AT;q=0.7, fr;q=0.6"));
        assertEquals("fr", choose(null, "de;q=0.5, fr;q=0.6"));
        assertEquals("ar", choose(null, "AR-sy"));
        assertEquals("es", choose(null, "es;q=0.5,de;q=0.5")); // a tie: the first
        assertEquals("en", choose(null, "de;q=0, tr;q=0.000"));  // q=0: not acceptable
        assertEquals("tr", choose(null, "*;q=0.5, tr;q=0.1"));
    }

    @Test
    void langWinsOverAcceptLanguage() {
        assertEquals("ar", choose("ar", "tr-TR,tr;q=0.9"));
        assertEquals("de", choose("de-CH", null));
        assertEquals("tr", choose("xx", "tr")); // an unsupported lang does not hide the header
    }

    @Test
    void unsupportedOrMalformedFallsBackToTheDefault() {
        assertEquals("en", choose(null, null));
        assertEquals("en", choose("ja", "zh-CN,ko;q=0.8"));
        assertEquals("en", choose("<script>", ";;;,,,q=2,tr;q=abc,de;q=7"));
        assertEquals("en", choose("", "x".repeat(10_000)));
        assertEquals("tr", new Languages("tr").choose(null, "ja").language());
    }

    @Test
    void aDefaultWithoutBundleIsRefused() {
        assertThrows(IllegalStateException.class, () -> new Languages("xx"));
    }

    @Test
    void onlyReadersPathsAreTranslated() {
        assertEquals(true, Languages.isPublic("/api/articles/a/comments"));
        assertEquals(true, Languages.isPublic("/api/challenge"));
        assertEquals(false, Languages.isPublic("/api/moderation/comments"));
        assertEquals(false, Languages.isPublic(null));
    }
}
