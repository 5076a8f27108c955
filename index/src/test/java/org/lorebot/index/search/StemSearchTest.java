package org.lorebot.index.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.MailIndex;
import org.lorebot.index.fixture.SubjectIndexes;

/**
 * A lower-case word finds every word with its English stem, as Xapian's {@code Z} terms do in
 * public-inbox, whether the words found are their own stem ({@code support}) or not
 * ({@code supports}), and whether the stem searched for is its own stem ({@code support}) or not
 * ({@code agre}, which stems to {@code agr}); a capitalised word finds only itself.
 */
class StemSearchTest {

    @TempDir
    Path dir;

    @Test
    void wordsAreFoundByTheirStemEitherWay() throws Exception {
        String[] subjects = {"supports", "support", "supported", "Agre", "agreed", "unrelated"};
        try (MailIndex index = indexOf(subjects)) {
            Set<String> supportForms = Set.of("supports", "support", "supported");
            assertEquals(supportForms, subjects(index, "s:support"));
            assertEquals(supportForms, subjects(index, "s:supports"));
            assertEquals(supportForms, subjects(index, "supporting"));
            assertEquals(Set.of("support"), subjects(index, "s:Support"));
            assertEquals(Set.of("agreed"), subjects(index, "s:agreed"));
            assertEquals(Set.of("Agre"), subjects(index, "s:agre"));
            assertEquals(Set.of("Agre"), subjects(index, "s:Agre"));
        }
    }

    private static Set<String> subjects(MailIndex index, String query) throws Exception {
        Set<String> found = new TreeSet<>();
        for (SearchHit hit : index.search(query, 0, 0).hits()) {
            found.add(hit.subject());
        }
        return found;
    }

    private MailIndex indexOf(String... subjects) throws Exception {
        return SubjectIndexes.of(dir, subjects);
    }
}
