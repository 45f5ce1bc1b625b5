package com.newsroom.comments.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.validation.Validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.problem.Problem.FieldError;

/** Plain unit tests: no Quarkus, just the validator and Hibernate Validator. */
class SubmissionValidatorTest {

    static final CommentsConfig.Limits LIMITS = new CommentsConfig.Limits() {
        public int name() { return 10; }
        public int email() { return 30; }
        public int website() { return 40; }
        public int text() { return 20; }
        public io.quarkus.runtime.configuration.MemorySize body() { return new io.quarkus.runtime.configuration.MemorySize(java.math.BigInteger.valueOf(1024)); }
        public int formFields() { return 32; }
    };

    final SubmissionValidator validator = new SubmissionValidator(
            Validation.buildDefaultValidatorFactory().getValidator(), LIMITS);

    List<FieldError> validate(String name, String text, String email, String website) {
        return validator.validate(new CommentSubmission(name, text, email, website, null).normalized());
    }

    @Test
    void validSubmissionHasNoErrors() {
        assertEquals(List.of(), validate("Zoë", "Merhaba!", "zoe@example.com", "https://example.com"));
        assertEquals(List.of(), validate("İsmail", "ığüşöç", null, null));
    }

    @Test
    void requiredFieldsUseTheFormsMessages() {
        assertEquals(List.of(new FieldError("name", "Please enter your name here", "name.required", List.of()),
                new FieldError("text", "Please enter your comment!", "text.required", List.of())), validate(null, null, null, null));
        assertEquals(List.of(new FieldError("name", "Please enter your name here", "name.required", List.of()),
                new FieldError("text", "Please enter your comment!", "text.required", List.of())), validate("   ", "\u00a0\u200b\t\n", "", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = { "plainaddress", "a@b", "a@b.", "@example.com", "a b@example.com", "a@@example.com",
            "ali@exa mple.com" })
    void badEmailsAreRefused(String email) {
        assertEquals(List.of(new FieldError("email", "You have entered an incorrect email address!", "email.invalid", List.of())),
                validate("Ali", "Hello", email, null));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ali@example.com", "ali+news@sub.example.co.uk", "hamdi@örnek.com.tr" })
    void goodEmailsAreAccepted(String email) {
        assertEquals(List.of(), validate("Ali", "Hello", email, null));
    }

    @ParameterizedTest
    @ValueSource(strings = { "javascript:alert(1)", "ftp://example.com", "example.com", "http://", "https://exa mple.com",
            "http:/example.com", "data:text/html,hi" })
    void websiteMustBeHttpOrHttps(String website) {
        assertEquals(List.of(new FieldError("website", "Please enter a valid website address starting with http:// or https://", "website.invalid", List.of())),
                validate("Ali", "Hello", null, website));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://example.com", "HTTPS://Example.com/path?q=1#x", "https://örnek.com.tr/",
            "http://localhost:8080/a" })
    void httpAndHttpsWebsitesAreAccepted(String website) {
        assertEquals(List.of(), validate("Ali", "Hello", null, website));
    }

    @Test
    void limitsCountCodePointsAndNameTheLimit() {
        assertEquals(List.of(), validate("😀".repeat(10), "ğ".repeat(20), null, null));
        List<FieldError> errors = validate("😀".repeat(11), "ğ".repeat(21), null, null);
        assertEquals(List.of("name", "text"), errors.stream().map(FieldError::field).toList());
        assertTrue(errors.get(0).message().contains("at most 10 characters"), errors.get(0).message());
        assertTrue(errors.get(1).message().contains("at most 20 characters"), errors.get(1).message());
        assertEquals(List.of("name.too_long", "text.too_long"), errors.stream().map(FieldError::code).toList());
        assertEquals("Your comment is too long: at most 20 characters are allowed (it has 21).", errors.get(1).message());
    }

    @Test
    void unstorableCharactersAreRefused() {
        assertEquals(List.of("text"), fields(validate("Ali", "nul \u0000 here", null, null)));
        assertEquals(List.of("name"), fields(validate("Ali\u0007", "bell in name", null, null)));
        assertEquals(List.of("name"), fields(validate("A\nli", "no breaks in names", null, null)));
        assertEquals(List.of("text"), fields(validate("Ali", "lone \ud800 surrogate", null, null)));
        assertEquals(List.of("text"), fields(validate("Ali", "lone \udc00 low", null, null)));
        assertEquals(List.of(), validate("Ali", "a\r\nb\tc 👍🏽", null, null));
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
