package com.newsroom.comments.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings, under {@code comments.*} (see application.properties and the README). */
@ConfigMapping(prefix = "comments")
public interface CommentsConfig {

    Limits limits();

    Redirect redirect();

    Flood flood();

    Duplicates duplicates();

    interface Limits {
        @WithDefault("245")
        int name();

        @WithDefault("100")
        int email();

        @WithDefault("200")
        int website();

        @WithDefault("65525")
        int text();
    }

    interface Redirect {
        /** Origins ({@code scheme://host[:port]}) a form post may ask to be sent back to. */
        Optional<List<String>> allowedOrigins();
    }

    interface Flood {
        /** At most one comment per interval from the same IP address or e-mail; zero turns the check off. */
        @WithDefault("15s")
        Duration interval();
    }

    interface Duplicates {
        /** Refuse the same text from the same author on the same article a second time. */
        @WithDefault("true")
        boolean enabled();
    }
}
