package com.newsroom.comments.migration;

/** A file that cannot be imported at all (not XML, wrong format, truncated, a DTD): nothing of it is kept. */
public class ImportFailure extends Exception {

    private final int line;

    public ImportFailure(String message, int line) {
        super(line > 0 ? message + " (line " + line + ")" : message, null, false, false);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
