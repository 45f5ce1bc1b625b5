package com.newsroom.comments.comment.pages;

/**
 * A message another instance relayed through {@link PublicPagesChannel#relay(String)}, fired on this instance
 * outside any transaction. {@link #RESYNC} ({@code "*"}) means that messages may have been lost (the channel's
 * connection was lost, or too many were waiting): listeners should read afresh what they show.
 */
public record Relayed(String payload) {

    public static final String RESYNC = "*";

    public boolean resync() {
        return RESYNC.equals(payload);
    }
}
