package com.newsroom.comments.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The hand-made export files of src/test/resources/migration, with RUN replaced by a test's own id. */
final class Fixtures {

    private Fixtures() {
    }

    static String read(String name, String run) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("RUN", run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
