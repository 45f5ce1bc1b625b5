package com.newsroom.comments.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings, under {@code comments.*} (see application.properties and the README). */
@ConfigMapping(prefix = "comments")
public interface CommentsConfig {

    Limits limits();

    Redirect redirect();

    Rules rules();

    interface Limits {
        @WithDefault("245")
        int name();

        @WithDefault("100")
        int email();

        @WithDefault("200")
        int website();

        @WithDefault("65525")
        int text();

        /** Largest comment submission body; larger ones get 413. */
        @WithDefault("256K")
        MemorySize body();
    }

    interface Redirect {
        /** Origins ({@code scheme://host[:port]}) a form post may ask to be sent back to. */
        Optional<List<String>> allowedOrigins();
    }

    interface Rules {
        /** Most terms one rule (or one import) may hold. */
        @WithDefault("100000")
        int maxTerms();

        /** How often each instance checks the database for rule changes made through other instances. */
        @WithDefault("2s")
        Duration refreshInterval();
    }
}
