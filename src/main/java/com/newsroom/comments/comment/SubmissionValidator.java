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
 * forms already show. Plain Java: the limits come in through the constructor, so it is unit-testable.
 */
public class SubmissionValidator {

    public static final String NAME_REQUIRED = "Please enter your name here";
    public static final String TEXT_REQUIRED = "Please enter your comment!";
    public static final String EMAIL_INVALID = "You have entered an incorrect email address!";
    public static final String WEBSITE_INVALID = "Please enter a valid website address starting with http:// or https://";

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
            errors.add(new FieldError("name", NAME_REQUIRED));
        } else {
            checkStorable("name", name, false, "Your name", errors);
            checkLength("name", name, limits.name(), "Your name", errors);
        }

        errors.addAll(validateEmail(submission.email()));

        String website = submission.website();
        if (website != null) {
            if (hasUnstorableCharacter(website, false)) {
                checkStorable("website", website, false, "Your website address", errors);
            } else if (!WEB_URL.matcher(website).matches()) {
                errors.add(new FieldError("website", WEBSITE_INVALID));
            } else {
                checkLength("website", website, limits.website(), "Your website address", errors);
            }
        }

        String text = submission.text();
        if (isBlank(text)) {
            errors.add(new FieldError("text", TEXT_REQUIRED));
        } else {
            checkStorable("text", text, true, "Your comment", errors);
            checkLength("text", text, limits.text(), "Your comment", errors);
        }
        return errors;
    }

    /** The e-mail check of a submission, for other forms that take an optional address (reports). */
    public List<FieldError> validateEmail(String email) {
        List<FieldError> errors = new ArrayList<>();
        if (email != null) {
            if (!isValidEmail(email)) {
                errors.add(new FieldError("email", EMAIL_INVALID));
            } else {
                checkLength("email", email, limits.email(), "Your email address", errors);
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

    private static void checkLength(String field, String value, int max, String label, List<FieldError> errors) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            errors.add(new FieldError(field, label + " is too long: at most " + max + " characters are allowed (it has "
                    + length + ")."));
        }
    }

    private static void checkStorable(String field, String value, boolean multiline, String label,
            List<FieldError> errors) {
        if (hasUnstorableCharacter(value, multiline)) {
            errors.add(new FieldError(field, label + " contains control characters that cannot be stored."));
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
