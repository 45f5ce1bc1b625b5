package com.newsroom.comments.common;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of a list: every list in the API answers in this shape. */
@RegisterForReflection
@Schema(name = "Page")
public record PagedList<T>(
        List<T> items,
        @Schema(description = "Zero-based page number", example = "0") int page,
        @Schema(description = "Page size", example = "20") int size,
        @Schema(description = "Number of items over all pages", example = "42") long totalItems) {

    public <R> PagedList<R> map(Function<T, R> mapper) {
        return new PagedList<>(items.stream().map(mapper).toList(), page, size, totalItems);
    }
}
