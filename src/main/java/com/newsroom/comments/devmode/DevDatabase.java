package com.newsroom.comments.devmode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Points dev mode's datasource at an embedded PostgreSQL when nothing else provides one: the dev
 * profile, no {@code quarkus.datasource.jdbc.url}, and either no Docker (so Quarkus Dev Services
 * cannot start a container) or Dev Services turned off. Every other case is left to Quarkus: a
 * configured URL, or Dev Services' container. Only this check runs outside dev mode; the embedded
 * database's classes, which the packaged application does not have, are loaded only to start it.
 */
public class DevDatabase implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";
    static final Path DATA = Path.of("target", "devdb");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev") || isSet(context.getValue(URL))
                || (dockerAvailable() && !isFalse(context.getValue("quarkus.datasource.devservices.enabled"))
                        && !isFalse(context.getValue("quarkus.devservices.enabled")))) {
            return List.of();
        }
        String url = EmbeddedDatabase.start(DATA.toAbsolutePath());
        // Below application.properties and the environment. Dev Services off: without Docker none can
        // start, and looking for Docker costs every start half a second and an error in the log.
        return List.of(new PropertiesConfigSource(Map.of(URL, url, "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.devservices.enabled", "false"), "embedded PostgreSQL (dev mode)", 200));
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static boolean isFalse(ConfigValue value) {
        return value != null && "false".equalsIgnoreCase(value.getValue());
    }

    /** Where Quarkus Dev Services (Testcontainers) would find a Docker or Podman daemon. */
    static boolean dockerAvailable() {
        if (System.getenv("DOCKER_HOST") != null) {
            return true;
        }
        String home = System.getProperty("user.home", "");
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        return Files.exists(Path.of("/var/run/docker.sock")) || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || (runtime != null && Files.exists(Path.of(runtime, "podman", "podman.sock")));
    }
}
