package org.lorebot.bot.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Series assembly on real postings from the labelled corpus. */
class LabeledSeriesTest {

    private static List<PatchMail> read(String... files) throws Exception {
        List<PatchMail> out = new ArrayList<>();
        for (String f : files) {
            out.add(PatchMail.of(LabeledCorpus.read(f)));
        }
        return out;
    }

    @Test
    void nintendo64PatchesThreadedOnlyBySubjectJoinTheirRfcCover() throws Exception {
        List<Series> all = SeriesAssembler.assemble(read("018-n64-rfc-cover.eml",
                "019-n64-fbdev-n64rdp-driver.eml", "021-n64-sound-driver.eml", "020-n64-fbdev-re-tsbogend.eml"));
        assertEquals(1, all.size(), all.toString());
        Series s = all.get(0);
        assertEquals("20201225190503.12353218812e1655f56f0bf8@gmx.com", s.cover().orElseThrow().messageId());
        assertEquals(List.of(3, 5), s.parts().stream().map(p -> p.tags().index()).toList());
        assertEquals(6, s.total());
        assertFalse(s.isComplete());
        assertEquals(Readiness.WAITING, Readiness.of(s, s.firstSeen().plus(Duration.ofMinutes(10)), Duration.ofHours(1)));
        assertEquals(Readiness.GRACE_EXPIRED, Readiness.of(s, s.firstSeen().plus(Duration.ofHours(1)), Duration.ofHours(1)));
    }

    @Test
    void baoquanHesSeriesGroupsUnderItsCoverLetter() throws Exception {
        List<Series> all = SeriesAssembler.assemble(read("001-bhe-00-cover-dont-use-kmalloc-gfp-dma.eml",
                "002-bhe-02-moxa-dma-alloc-coherent.eml", "003-bhe-04-drm-sti-dma-alloc-wc.eml",
                "012-bhe-re14-hch-looks-good.eml", "006-bhe-14-spi-ti-qspi-dma-alloc-coherent.eml"));
        assertEquals(1, all.size());
        Series s = all.get(0);
        assertEquals(22, s.total());
        assertEquals(List.of(2, 4, 14), s.parts().stream().map(p -> p.tags().index()).toList());
        assertTrue(s.parts().stream().allMatch(p -> p.patch().hasDiff()));
    }

    @Test
    void n64CartV9IsLinkedToV2BySenderAndTitle() throws Exception {
        List<Series> all = SeriesAssembler.assemble(read("022-n64-cart-v2-kmalloc-gfp-dma.eml",
                "024-n64-cart-v9-dma-alloc-noncoherent.eml"));
        assertEquals(2, all.size());
        Series v2 = all.get(0);
        Series v9 = all.get(1);
        assertEquals(2, v2.version());
        assertEquals(9, v9.version());
        assertEquals(Optional.of(v2), VersionLinker.previous(v9, List.of(v2)));
        assertEquals(VersionLinker.key(v2), VersionLinker.key(v9));
    }
}
