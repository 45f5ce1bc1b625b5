package com.newsroom.comments.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.newsroom.comments.problem.ApiException;
import com.newsroom.comments.problem.Problem.FieldError;

/**
 * Path and query parameters of every endpoint, anonymous or moderator: one PostgreSQL cannot store
 * ({@link StorableText}) answers 400 naming it, before any resource sees it.
 */
public class StorableParameters {

    @ServerRequestFilter
    public void check(UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        collect(uri.getPathParameters(true), errors);
        if (uri.getRequestUri().getRawQuery() != null) {
            collect(uri.getQueryParameters(true), errors);
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    private static void collect(MultivaluedMap<String, String> parameters, List<FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            boolean storable = StorableText.isStorable(parameter.getKey());
            for (String value : parameter.getValue()) {
                storable &= StorableText.isStorable(value);
            }
            if (!storable) {
                String name = StorableText.isStorable(parameter.getKey()) ? parameter.getKey() : "query";
                errors.add(FieldError.of(name, "param.unstorable", name));
            }
        }
    }
}
