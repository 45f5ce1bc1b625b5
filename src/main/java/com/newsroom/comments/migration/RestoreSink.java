package com.newsroom.comments.migration;

import com.newsroom.comments.comment.store.ArticleRow;
import com.newsroom.comments.comment.store.ImportRow;
import com.newsroom.comments.comment.store.ReportRow;

/** Receives what a backup holds, in file order: articles, then comments, then reports. */
interface RestoreSink {

    void article(ArticleRow article) throws Exception;

    /** A comment with its own id, parent id, reasons and source. */
    void comment(ImportRow comment) throws Exception;

    void report(ReportRow report) throws Exception;

    /** An entry that could not be restored; the rest of the file goes on. */
    void error(int line, String message);
}
