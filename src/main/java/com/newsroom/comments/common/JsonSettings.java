package com.newsroom.comments.common;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * One JSON writer for every answer: characters beyond the Basic Multilingual Plane (emoji, some CJK)
 * go out as UTF-8, as they were sent. Jackson escapes them as surrogate pairs ({@code \uD83D\uDE42})
 * when it writes bytes, which the cached public pages do, but not when it writes text, which the
 * other answers do; both are valid JSON, and now the same.
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setConfig(mapper.getSerializationConfig().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8));
    }
}
