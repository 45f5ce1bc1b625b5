package com.newsroom.comments.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON value of the right type that the service still cannot take (a NUL in a string, a date beyond
 * the year 9999): answered as a 400 field error naming the JSON path, with this message.
 */
public class InvalidValueException extends JsonMappingException {

    /** @param message what is wrong, completing "The value of 'field' ..." */
    public InvalidValueException(JsonParser parser, String message) {
        super(parser, message);
    }
}
