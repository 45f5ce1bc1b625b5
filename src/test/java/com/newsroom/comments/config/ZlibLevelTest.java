package com.newsroom.comments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ZlibLevelTest {

    private final ZlibLevel converter = new ZlibLevel();

    @Test
    void everyLevelZlibKnowsIsRead() {
        for (int level = 1; level <= 9; level++) {
            assertEquals(level, converter.convert(String.valueOf(level)));
        }
        assertEquals(4, converter.convert(" 4 "));
    }

    @Test
    void levelsOutsideOneToNineAreRefusedWithTheRange() {
        for (String value : new String[] { "0", "10", "-1" }) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> converter.convert(value));
            assertEquals("zlib's levels go from 1 (fastest) to 9 (smallest), not " + value, refused.getMessage());
        }
    }

    @Test
    void aValueThatIsNoNumberIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> converter.convert("fast"));
        assertEquals("'fast' is not a zlib level: use a whole number from 1 (fastest) to 9 (smallest)", refused.getMessage());
    }
}
