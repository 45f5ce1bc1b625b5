package com.newsroom.comments.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Keeps what a reader found, for tests. */
class RecordingSink implements ImportSink {
    final List<String> sources = new ArrayList<>();
    final Map<String, Boolean> articles = new LinkedHashMap<>();
    final Map<String, SourceComment> comments = new LinkedHashMap<>();
    final Map<String, Integer> skipped = new TreeMap<>();
    final List<String> errors = new ArrayList<>();

    @Override
    public void source(String source) {
        sources.add(source);
    }

    @Override
    public void article(String articleId, boolean commentsClosed) {
        articles.put(articleId, commentsClosed);
    }

    @Override
    public void comment(SourceComment comment) {
        comments.put(comment.id(), comment);
    }

    @Override
    public void skipped(String kind) {
        skipped.merge(kind, 1, Integer::sum);
    }

    @Override
    public void error(int line, String message) {
        errors.add(line + ": " + message);
    }
}
