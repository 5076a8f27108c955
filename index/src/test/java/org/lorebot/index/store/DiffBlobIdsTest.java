package org.lorebot.index.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Blob ids as public-inbox's indexer takes them: from the {@code index} lines of its diff walk. */
class DiffBlobIdsTest {

    private static final DiffBlobIds NONE = new DiffBlobIds(List.of(), List.of());

    private static DiffBlobIds ids(String body) {
        return BodySections.of(body).blobIds();
    }

    @Test
    void findsEveryAbbreviationOfBothIdsOfADiffsIndexLine() {
        DiffBlobIds ids = ids("diff --git a/x b/x\nindex 1234567ab..89abcdef 100644\n"
                + "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n");
        assertEquals(List.of("1234567ab", "1234567a", "1234567"), ids.preImageTerms());
        assertEquals(List.of("89abcdef", "89abcde"), ids.postImageTerms());
    }

    @Test
    void anIndexLineOutsideADiffNamesNoBlob() {
        assertEquals(NONE, ids("see the change:\nindex 1234567..89abcde\nthanks\n"),
                "a text block that does not look like a diff is not walked as one");
        assertEquals(NONE, ids("> diff --git a/x b/x\n> index 1234567..89abcde\n"),
                "quoted lines start with '>'");
        assertEquals(NONE, ids("just text\n"));
    }

    @Test
    void readsIndexLinesAsPublicInboxDoes() {
        String sha256 = "c".repeat(64);
        DiffBlobIds ids = ids(String.join("\n",
                "diff --git a/x b/x",
                "index 123456..89abcde", // a side under 7 digits has no term; the other has
                "index 1234567.89abcde", // one dot: no index line
                "index ABCDEF1..aaaaaaa", // upper case: no index line for public-inbox's pattern
                "index " + sha256 + "e..ddddddd 100644", // no cap on the length
                ""));
        assertEquals(59, ids.preImageTerms().size(), "65 digits down to 7");
        assertEquals(sha256 + "e", ids.preImageTerms().get(0));
        assertEquals(List.of("89abcde", "ddddddd"), ids.postImageTerms());
    }
}
