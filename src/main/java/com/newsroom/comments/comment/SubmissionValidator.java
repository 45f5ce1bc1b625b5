package com.newsroom.comments.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;

import com.newsroom.comments.config.CommentsConfig;
import com.newsroom.comments.problem.Problem.FieldError;

/**
 * Checks a submission and reports every invalid field at once, with the messages the sites' comment
 * forms already show (in English; each error's code is its key in the {@code i18n} bundles, which
 * translate it). Plain Java: the limits come in through the constructor, so it is unit-testable.
 */
public class SubmissionValidator {

    public static final String NAME_REQUIRED = "name.required";
    public static final String TEXT_REQUIRED = "text.required";
    public static final String EMAIL_INVALID = "email.invalid";
    public static final String WEBSITE_INVALID = "website.invalid";

    // scheme, then a host of letters/digits/dots/hyphens (any script, for IDN), optional port, path...
    private static final Pattern WEB_URL = Pattern.compile(
            "(?i)https?://[\\p{L}\\p{N}](?:[\\p{L}\\p{N}.-]*[\\p{L}\\p{N}])?(?::\\d{1,5})?(?:[/?#]\\S*)?");

    private final Validator validator;
    private final CommentsConfig.Limits limits;

    public SubmissionValidator(Validator validator, CommentsConfig.Limits limits) {
        this.validator = validator;
        this.limits = limits;
    }

    /** @param submission an already {@link CommentSubmission#normalized() normalised} submission */
    public List<FieldError> validate(CommentSubmission submission) {
        List<FieldError> errors = new ArrayList<>();
        String name = submission.name();
        if (isBlank(name)) {
            errors.add(FieldError.of("name", NAME_REQUIRED));
        } else {
            checkStorable("name", name, false, errors);
            checkLength("name", name, limits.name(), errors);
        }

        errors.addAll(validateEmail(submission.email()));

        String website = submission.website();
        if (website != null) {
            if (hasUnstorableCharacter(website, false)) {
                checkStorable("website", website, false, errors);
            } else if (!WEB_URL.matcher(website).matches()) {
                errors.add(FieldError.of("website", WEBSITE_INVALID));
            } else {
                checkLength("website", website, limits.website(), errors);
            }
        }

        String text = submission.text();
        if (isBlank(text)) {
            errors.add(FieldError.of("text", TEXT_REQUIRED));
        } else {
            checkStorable("text", text, true, errors);
            checkLength("text", text, limits.text(), errors);
        }
        return errors;
    }

    /** The e-mail check of a submission, for other forms that take an optional address (reports). */
    public List<FieldError> validateEmail(String email) {
        List<FieldError> errors = new ArrayList<>();
        if (email != null) {
            if (!isValidEmail(email)) {
                errors.add(FieldError.of("email", EMAIL_INVALID));
            } else {
                checkLength("email", email, limits.email(), errors);
            }
        }
        return errors;
    }

    private boolean isValidEmail(String email) {
        if (hasUnstorableCharacter(email, false) || email.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        // Hibernate Validator's check, plus a dot in the domain: "a@localhost" is no reader's address.
        int at = email.lastIndexOf('@');
        return at > 0 && email.indexOf('.', at) > at + 1 && !email.endsWith(".")
                && validator.validateValue(EmailHolder.class, "email", email).isEmpty();
    }

    /** {@code <field>.too_long}, with the limit and the length. */
    private static void checkLength(String field, String value, int max, List<FieldError> errors) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            errors.add(FieldError.of(field, field + ".too_long", String.valueOf(max), String.valueOf(length)));
        }
    }

    /** {@code <field>.unstorable}. */
    private static void checkStorable(String field, String value, boolean multiline, List<FieldError> errors) {
        if (hasUnstorableCharacter(value, multiline)) {
            errors.add(FieldError.of(field, field + ".unstorable"));
        }
    }

    /** True when the value has nothing a reader could see: whitespace, invisible format characters. */
    static boolean isBlank(String value) {
        return value == null || value.codePoints().allMatch(cp -> Character.isWhitespace(cp)
                || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT);
    }

    /**
     * NUL (PostgreSQL cannot store it), other control characters (line breaks only where text is
     * multi-line) and unpaired UTF-16 surrogates (not valid Unicode, they would be stored as '?').
     */
    public static boolean hasUnstorableCharacter(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
            if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return true;
            }
        }
        return false;
    }

    /** Lets Hibernate Validator's {@link Email} check run on a single value. */
    record EmailHolder(@Email String email) {
    }
}
