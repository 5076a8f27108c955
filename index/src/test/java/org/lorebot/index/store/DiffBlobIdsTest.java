package org.lorebot.index.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class DiffBlobIdsTest {

    @Test
    void findsEveryAbbreviationOfBothIdsOfAnIndexLine() {
        DiffBlobIds ids = DiffBlobIds.of("diff --git a/x b/x\nindex 1234567AB..89abcdef 100644\n--- a/x\n");
        assertEquals(List.of("1234567ab", "1234567a", "1234567"), ids.preImageTerms());
        assertEquals(List.of("89abcdef", "89abcde"), ids.postImageTerms());
    }

    @Test
    void readsOnlyLinesThatStartWithIndex() {
        DiffBlobIds ids = DiffBlobIds.of("see the index 1234567..89abcde line\n"
                + "index 123456..89abcde (too short)\n"
                + "index 1234567..89abcd (too short)\n"
                + "index 1234567.89abcde\n"
                + "\r\nindex aaaaaaa..bbbbbbb\n");
        assertEquals(List.of("aaaaaaa"), ids.preImageTerms());
        assertEquals(List.of("bbbbbbb"), ids.postImageTerms());
    }

    @Test
    void takesIdsOfUpToSixtyFourDigits() {
        String sha256 = "a".repeat(64);
        DiffBlobIds ids = DiffBlobIds.of("index " + sha256 + ".." + "b".repeat(70) + "\n"
                + "index " + "c".repeat(65) + "..ddddddd\n");
        assertEquals(58, ids.preImageTerms().size(), "64 down to 7 digits");
        assertEquals(sha256, ids.preImageTerms().get(0));
        assertEquals("b".repeat(64), ids.postImageTerms().get(0), "a longer post-image id is cut at 64");
    }

    @Test
    void aBodyWithoutIndexLinesHasNoIds() {
        assertEquals(new DiffBlobIds(List.of(), List.of()), DiffBlobIds.of("just text\n"));
    }
}
