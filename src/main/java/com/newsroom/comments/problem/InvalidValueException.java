package com.newsroom.comments.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON value of the right type that the service still cannot take (a NUL in a string, a date beyond
 * the year 9999): answered as a 400 field error naming the JSON path, with the message of its code.
 */
public class InvalidValueException extends JsonMappingException {

    private final String code;

    /** @param code the field error's code and bundle key, whose message takes the field's path as its argument */
    public InvalidValueException(JsonParser parser, String code) {
        super(parser, code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
