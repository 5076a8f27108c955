package org.lorebot.bot.citation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelReferenceTest {

    @Test
    void linksTheLoreMessageIdInsideACommitCitation() {
        ModelReference ref = ModelReference.parse("57bf5a8963f8 (v4.16, lore 20180110080027.13879-21-hch@lst.de)");
        assertEquals(Optional.of("https://lore.kernel.org/all/20180110080027.13879-21-hch@lst.de/"), ref.link());
        assertEquals("57bf5a8963f8 (v4.16, lore 20180110080027.13879-21-hch@lst.de)", ref.key());
    }

    @Test
    void linksABareLoreKeyAndAParenthesisedId() {
        assertEquals(Optional.of("https://lore.kernel.org/all/20220219005221.634-1-bhe@redhat.com/"),
                ModelReference.parse("lore 20220219005221.634-1-bhe@redhat.com").link());
        assertEquals(Optional.of("https://lore.kernel.org/all/20181013151707.32210-5-hch@lst.de/"),
                ModelReference.parse("hch Oct 2018 GFP_DMA32 series (20181013151707.32210-5-hch@lst.de)").link());
    }

    @Test
    void leavesFilesCommitsAndProseUnlinked() {
        List<ModelReference> refs = ModelReference.parseAll(List.of(
                "kernel/dma/mapping.c:dma_alloc_attrs()", "ffcb75458460 (v6.2)",
                "smatch check_gfp_dma.c (Dan Carpenter 2010)", " "));
        assertEquals(3, refs.size());
        refs.forEach(r -> assertEquals(Optional.empty(), r.link(), r.key()));
    }
}
