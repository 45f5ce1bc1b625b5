package com.newsroom.comments.comment.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Imports and exports wait longer for the database than the pool's 5 s socket timeout, and give it back. */
@QuarkusTest
class ImportTimeoutTest {

    @Inject
    DataSource dataSource;

    @Test
    void aStatementMayTakeLongerThanThePoolsTimeoutOnlyWhileExtended() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            int pool = CommentImports.extendTimeout(db, 30_000);
            assertEquals(5_000, pool);
            try (Statement sleep = db.createStatement()) {
                sleep.execute("select pg_sleep(6)");
            }
            CommentImports.restoreTimeout(db, pool);
        }
        try (Connection db = dataSource.getConnection(); Statement sleep = db.createStatement()) {
            assertEquals(5_000, db.getNetworkTimeout());
            assertThrows(SQLException.class, () -> sleep.execute("select pg_sleep(6)"));
        }
    }
}
