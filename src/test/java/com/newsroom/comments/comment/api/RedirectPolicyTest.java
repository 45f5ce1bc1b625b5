package com.newsroom.comments.comment.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectPolicyTest {

    final RedirectPolicy policy = new RedirectPolicy(List.of("https://news.example.com", "http://localhost:8081 ", ""));

    @Test
    void allowedOriginGetsTheCommentInTheQuery() {
        assertEquals("https://news.example.com/a/b?x=1&commentId=7&commentStatus=PENDING#comment-7",
                policy.target("https://news.example.com/a/b?x=1", 7, "PENDING").orElseThrow().toString());
        assertEquals("https://news.example.com:443/?commentId=7&commentStatus=APPROVED#comments",
                policy.target("https://news.example.com:443#comments", 7, "APPROVED").orElseThrow().toString());
        assertTrue(policy.target("http://LOCALHOST:8081/x", 1, "APPROVED").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://evil.example.net/", "https://news.example.com.evil.net/", "http://news.example.com/",
            "https://news.example.com:8443/", "//news.example.com/x", "/relative", "javascript:alert(1)",
            "https://user@news.example.com/", "not a url", "http://localhost:8082/" })
    void otherTargetsAreIgnored(String redirect) {
        assertTrue(policy.target(redirect, 1, "APPROVED").isEmpty(), redirect);
    }
}
