package org.lorebot.index.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MessageDocumentTest {

    private static final char BREAK = XapianTokenizer.SECTION_BREAK;

    @Test
    void shortIdsAreTheirOwnWords() {
        assertEquals("1234.5678-1-dev@kernel.org", MessageDocument.messageIdWords("1234.5678-1-dev@kernel.org"));
    }

    @Test
    void idsWithALongWordRunAlsoGetTheirRunsOfThreeOrMore() {
        String id = "Pine.LNX.4.64.0712101127330.2847@x_y-gateway";
        assertEquals(id + BREAK + "Pine LNX 0712101127330 2847 x_y gateway",
                MessageDocument.messageIdWords(id));
        String hex = "d3f1a2b4c5e6f7a8b9c0@ab";
        assertEquals(hex + BREAK + "d3f1a2b4c5e6f7a8b9c0", MessageDocument.messageIdWords(hex));
    }
}
