package org.lorebot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.lorebot.index.search.SearchHit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class HitFormatterTest {

    private final HitFormatter formatter = new HitFormatter();
    private final SearchHit cover = new SearchHit("20220219005221.634-1-bhe@redhat.com",
            "[PATCH 00/22] Don't use kmalloc() with GFP_DMA", "Baoquan He <bhe@redhat.com>",
            Instant.parse("2022-02-19T00:52:21Z"), "20220219005221.634-1-bhe@redhat.com", "linux-crypto");

    @Test
    void textLineHasDateSenderSubjectAndMessageId() {
        assertEquals("2022-02-19 00:52  Baoquan He              [PATCH 00/22] Don't use kmalloc() with GFP_DMA"
                + "  <20220219005221.634-1-bhe@redhat.com>", formatter.text(cover));
    }

    @Test
    void longSenderNamesAreCutToTheColumnAndFoldedSubjectsJoined() {
        SearchHit hit = new SearchHit("x@y", "Re: a\n\tfolded subject",
                "\"Christoph Hellwig-Someone Very Long\" <hch@lst.de>", Instant.parse("2022-02-19T08:00:00Z"),
                "x@y", "linux-crypto");
        String line = formatter.text(hit);
        assertTrue(line.startsWith("2022-02-19 08:00  Christoph Hellwig-Som…  Re: a folded subject  <x@y>"), line);
    }

    @Test
    void wideCharactersTakeTwoColumns() {
        assertEquals("赵仪峰" + " ".repeat(22 - 6), HitFormatter.column("赵仪峰", 22));
        assertEquals(22, HitFormatter.column("Jürgen Groß", 22).length());
        String cut = HitFormatter.column("赵仪峰赵仪峰赵仪峰赵仪峰赵仪峰", 22);
        assertEquals("赵仪峰赵仪峰赵仪峰赵…" + " ", cut); // 20 columns, the ellipsis, one pad
        assertEquals("exactly twenty-two col", HitFormatter.column("exactly twenty-two col", 22));
        assertEquals("exactly twenty-two co…", HitFormatter.column("exactly twenty-two cols", 22));
    }

    @Test
    void senderWithoutNameShowsTheAddress() {
        assertEquals("lkp@intel.com", HitFormatter.senderName("lkp@intel.com"));
        assertEquals("Kuba", HitFormatter.senderName("Kuba <kuba@kernel.org>"));
    }

    @Test
    void indentGoesBeforeTheSubject() {
        assertTrue(formatter.text(cover, "    ").contains("  Baoquan He                  [PATCH 00/22]"));
    }

    @Test
    void jsonCarriesEveryFieldWithIsoDateAndNoAngleBrackets() throws Exception {
        String line = formatter.json(cover);
        assertFalse(line.contains("\n"));
        JsonNode node = new ObjectMapper().readTree(line);
        assertEquals("20220219005221.634-1-bhe@redhat.com", node.get("message_id").asText());
        assertEquals("[PATCH 00/22] Don't use kmalloc() with GFP_DMA", node.get("subject").asText());
        assertEquals("Baoquan He <bhe@redhat.com>", node.get("from").asText());
        assertEquals("2022-02-19T00:52:21Z", node.get("date").asText());
        assertEquals(Instant.parse("2022-02-19T00:52:21Z"), Instant.parse(node.get("date").asText()));
        assertEquals("20220219005221.634-1-bhe@redhat.com", node.get("thread").asText());
        assertEquals("linux-crypto", node.get("list").asText());
    }

    @Test
    void threadJsonAddsDepthAndParent() throws Exception {
        JsonNode root = new ObjectMapper().readTree(formatter.json(cover, 0, null, false));
        assertEquals(0, root.get("depth").asInt());
        assertTrue(root.get("parent").isNull());
        JsonNode reply = new ObjectMapper().readTree(formatter.json(cover, 2, "a@b", false));
        assertEquals(2, reply.get("depth").asInt());
        assertEquals("a@b", reply.get("parent").asText());
        assertFalse(reply.get("ghost").asBoolean());
    }

    @Test
    void quotesAndControlCharactersAreEscapedInJson() throws Exception {
        SearchHit odd = new SearchHit("q@x", "say \"hi\"\t\\ now", "A <a@x>", null, "q@x", "l");
        JsonNode node = new ObjectMapper().readTree(formatter.json(odd));
        assertEquals("say \"hi\"\t\\ now", node.get("subject").asText());
        assertTrue(node.get("date").isNull());
    }
}
