package com.newsroom.comments.bots;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code comments_bot_hits_total{kind}}: every bot check that failed, by kind (registered once). */
@ApplicationScoped
public class BotMetrics {

    /** What gave a submission away. */
    public enum Kind {
        HONEYPOT, TOO_FAST, TOKEN_EXPIRED, TOKEN_FORGED, TOKEN_MISSING, POW_MISSING, POW_INVALID, POW_REPLAYED
    }

    private final Map<Kind, Counter> hits = new EnumMap<>(Kind.class);

    public BotMetrics(MeterRegistry registry) {
        for (Kind kind : Kind.values()) {
            hits.put(kind, Counter.builder("comments.bot.hits").description("Bot checks that failed, by kind")
                    .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    public void hit(Kind kind) {
        hits.get(kind).increment();
    }
}
