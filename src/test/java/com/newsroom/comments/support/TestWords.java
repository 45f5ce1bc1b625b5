package com.newsroom.comments.support;

import java.util.concurrent.ThreadLocalRandom;

/** Made-up words for rules that must not fire in other tests: letters only (digits would read as leetspeak). */
public final class TestWords {

    private TestWords() {
    }

    public static String madeUp(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < 10; i++) {
            sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return sb.toString();
    }
}
