package com.newsroom.comments.migration;

/** Receives what a reader finds in an export, in file order. */
public interface ImportSink {

    /** Where the comments come from ({@code wordpress:https://blog.example}); called before the first comment. */
    void source(String source) throws Exception;

    /** An article with comments; {@code commentsClosed} when the source had closed them. */
    void article(String articleId, boolean commentsClosed) throws Exception;

    void comment(SourceComment comment) throws Exception;

    /** Something deliberately left out (a pingback, a trackback, a deleted post), by kind. */
    void skipped(String kind);

    /** An entry that could not be imported; the rest of the file goes on. */
    void error(int line, String message);
}
