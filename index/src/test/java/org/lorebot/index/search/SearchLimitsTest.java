package org.lorebot.index.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.MailIndex;
import org.lorebot.index.fixture.SubjectIndexes;

/** Searches from untrusted users stay within their budget and say which limit they hit. */
class SearchLimitsTest {

    @TempDir
    Path dir;

    private MailIndex indexOf(String... subjects) throws Exception {
        return SubjectIndexes.of(dir, subjects);
    }

    @Test
    void aWildcardStandingForTooManyWordsIsRefusedByName() throws Exception {
        try (MailIndex index = indexOf("spinor one", "spinand two", "spidev three",
                "spiflash four")) {
            SearchLimits limits = new SearchLimits(Duration.ofSeconds(5), 3);
            SearchLimitException e = assertThrows(SearchLimitException.class,
                    () -> index.search("s:spi*", 0, 10, limits));
            assertTrue(e.getMessage().contains("'spi*' matches more than 3"), e.getMessage());
            assertEquals(4, index.search("s:spi*", 0, 10).total(), "unlimited search expands");
            assertEquals(2, index.search("s:spin*", 0, 10, limits).total());
        }
    }

    @Test
    void withinLimitsTheResultsAreThoseOfAnUnlimitedSearch() throws Exception {
        try (MailIndex index = indexOf("alpha", "beta", "alpha beta", "gamma")) {
            SearchLimits limits = new SearchLimits(Duration.ofSeconds(5), 100);
            assertEquals(index.search("s:alpha", 0, 0).hits(),
                    index.search("s:alpha", 0, 0, limits).hits());
            assertEquals(2, index.search("s:alpha", 0, 0, limits).total());
        }
    }

    @Test
    void tooManyClausesIsALimitNotACrash() throws Exception {
        try (MailIndex index = indexOf("alpha")) {
            String huge = "w1" + " OR w1".repeat(3000);
            SearchLimits limits = new SearchLimits(Duration.ofSeconds(5), 100);
            SearchLimitException e = assertThrows(SearchLimitException.class,
                    () -> index.search(huge, 0, 10, limits));
            assertTrue(e.getMessage().contains("too many terms"), e.getMessage());
        }
    }
}
