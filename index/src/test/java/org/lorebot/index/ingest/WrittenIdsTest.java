package org.lorebot.index.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WrittenIdsTest {

    @Test
    void neverForgetsAnIdAndRarelyClaimsOneItWasNotGiven() {
        WrittenIds written = new WrittenIds();
        assertFalse(written.mightContain("a@x"), "empty");
        int n = 200_000; // several doublings of the first filter
        for (int i = 0; i < n; i++) {
            written.add(i + ".camel" + (i * 31) + "@kernel.org");
        }
        for (int i = 0; i < n; i++) {
            assertTrue(written.mightContain(i + ".camel" + (i * 31) + "@kernel.org"), "id " + i);
        }
        int falseMaybes = 0;
        for (int i = 0; i < n; i++) {
            falseMaybes += written.mightContain(i + ".camel" + (i * 31) + "@vger.kernel.org") ? 1 : 0;
        }
        assertTrue(falseMaybes < n / 200, falseMaybes + " false maybes of " + n);
    }
}
