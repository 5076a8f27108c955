package org.lorebot.analyzers.dma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lorebot.analyzers.gfp.GfpFlag;

class AllocatorModelTest {
    private final AllocatorModel model = AllocatorModel.standard();

    @Test
    void gfpArgumentPositions() {
        assertEquals(3, model.find("dma_alloc_coherent").orElseThrow().gfpArgument());
        assertEquals(4, model.find("dma_alloc_noncoherent").orElseThrow().gfpArgument());
        assertEquals(3, model.find("dma_alloc_noncontiguous").orElseThrow().gfpArgument());
        assertEquals(1, model.find("dma_pool_alloc").orElseThrow().gfpArgument());
        assertEquals(2, model.find("devm_kzalloc").orElseThrow().gfpArgument());
        assertEquals(1, model.find("kmem_cache_alloc_node").orElseThrow().gfpArgument());
        assertEquals(0, model.find("alloc_pages").orElseThrow().gfpArgument());
        assertEquals(1, model.find("alloc_pages_node").orElseThrow().gfpArgument());
        assertEquals(2, model.find("__netdev_alloc_skb").orElseThrow().gfpArgument());
        assertEquals(4, model.find("__vmalloc_node_range").orElseThrow().gfpArgument());
    }

    @Test
    void zoneEffectsFollowTheKernel() {
        Allocator coherent = model.find("dma_alloc_coherent").orElseThrow();
        assertEquals(ZoneEffect.REDUNDANT, coherent.effectOf(GfpFlag.__GFP_DMA32));
        assertTrue(coherent.zeroes());
        assertTrue(coherent.rejectsCompound());
        assertEquals(ZoneEffect.METADATA_SLAB_BUG, model.find("dmam_alloc_coherent").orElseThrow().effectOf(GfpFlag.__GFP_DMA32));
        assertEquals(ZoneEffect.REJECTED, model.find("dma_alloc_pages").orElseThrow().effectOf(GfpFlag.__GFP_DMA));
        assertEquals(ZoneEffect.SLAB_BUG, model.find("kmalloc").orElseThrow().effectOf(GfpFlag.__GFP_HIGHMEM));
        assertEquals(ZoneEffect.OK, model.find("alloc_pages").orElseThrow().effectOf(GfpFlag.__GFP_HIGHMEM));
        assertEquals(ZoneEffect.STRIPPED_VIRT, model.find("__get_free_pages").orElseThrow().effectOf(GfpFlag.__GFP_HIGHMEM));
        assertFalse(model.find("dma_pool_alloc").orElseThrow().zeroes());
        assertEquals(NonBlockingEffect.NO_FALLBACK, model.find("kvzalloc").orElseThrow().nonBlocking());
        assertFalse(model.isAllocator("vmalloc"), "vmalloc() takes no gfp argument");
    }

    @Test
    void locationsClassifyPaths() {
        Locations l = Locations.standard();
        assertEquals(Set.of(CodeContext.S390), l.contextsOf("drivers/s390/cio/css.c"));
        assertTrue(l.contextsOf("arch/s390/mm/init.c").containsAll(Set.of(CodeContext.ARCH, CodeContext.S390)));
        assertEquals(Set.of(CodeContext.FIRMWARE), l.contextsOf("drivers/video/fbdev/hyperv_fb.c"));
        assertEquals(Set.of(), l.contextsOf("drivers/mtd/nand/raw/marvell_nand.c"));
        assertTrue(Locations.matches("*hyperv*", "drivers/hid/hid-hyperv.c"));
        assertFalse(Locations.matches("mm/", "drivers/mm/x.c"));
    }
}
