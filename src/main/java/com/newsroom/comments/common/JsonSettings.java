package com.newsroom.comments.common;

import java.io.IOException;
import java.time.Instant;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

import com.newsroom.comments.problem.InvalidValueException;

/**
 * One JSON reader and writer for every request and answer.
 * <ul>
 * <li>Characters beyond the Basic Multilingual Plane (emoji, some CJK) go out as UTF-8, as they were
 * sent. Jackson escapes them as surrogate pairs ({@code \uD83D\uDE42}) when it writes bytes, which the
 * cached public pages do, but not when it writes text, which the other answers do; both are valid
 * JSON, and now the same.</li>
 * <li>Every string and instant read from a request body is one PostgreSQL can store
 * ({@link StorableText}), else the request is a 400 naming the field.</li>
 * </ul>
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {

    @Override
    public int priority() {
        // After Quarkus's own customizers (they register the java.time module): these readers win.
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setConfig(mapper.getSerializationConfig().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8));
        SimpleModule storable = new SimpleModule("storable-values");
        storable.addDeserializer(String.class, new StorableString());
        storable.addDeserializer(Instant.class, new StorableInstant());
        mapper.registerModule(storable);
    }

    static final class StorableString extends StdScalarDeserializer<String> {

        StorableString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (!StorableText.isStorable(value)) {
                throw new InvalidValueException(parser, "value.unstorable");
            }
            return value;
        }
    }

    static final class StorableInstant extends StdScalarDeserializer<Instant> {

        StorableInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Instant value = InstantDeserializer.INSTANT.deserialize(parser, context);
            if (!StorableText.isStorable(value)) {
                throw new InvalidValueException(parser, "value.date_range");
            }
            return value;
        }
    }
}
