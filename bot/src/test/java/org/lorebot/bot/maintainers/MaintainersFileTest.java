package org.lorebot.bot.maintainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MAINTAINERS format and get_maintainer.pl's matching rules, on an excerpt of the real file's shape. */
class MaintainersFileTest {

    private static MaintainersFile file;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = MaintainersFileTest.class.getResourceAsStream("/maintainers/MAINTAINERS")) {
            file = MaintainersFile.parse("MAINTAINERS", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static MaintainersEntry entry(String name) {
        return file.entry(name).orElseThrow();
    }

    private static List<String> owners(String path) {
        return file.entriesFor(path).stream().map(MaintainersEntry::name).toList();
    }

    @Test
    void entriesAreReadAndThePreambleSkipped() {
        assertEquals(List.of("DMA GENERIC OFFLOAD ENGINE SUBSYSTEM", "DMA MAPPING HELPERS", "SLAB ALLOCATOR",
                "TEGRA ARCHITECTURE SUPPORT", "USB SUBSYSTEM", "GFP MASKS",
                "MEMORY TECHNOLOGY DEVICES (MTD)", "CRYPTO API"),
                file.entries().stream().map(MaintainersEntry::name).toList());
        MaintainersEntry slab = entry("slab allocator");
        assertEquals(List.of("Vlastimil Babka <vbabka@suse.cz>", "Andrew Morton <akpm@linux-foundation.org>"),
                slab.maintainers());
        assertEquals(List.of("Roman Gushchin <roman.gushchin@linux.dev>"), slab.reviewers());
        assertEquals(List.of("linux-mm@kvack.org"), slab.lists());
        assertEquals("Maintained", slab.status());
        assertEquals(List.of("include/linux/sl?b*.h", "mm/sl?b*"), slab.files().stream().map(FilePattern::toString).toList());
        assertTrue(file.entry("NO SUCH ENTRY").isEmpty());
    }

    @Test
    void trailingSlashCoversTheWholeDirectoryTree() {
        assertEquals(List.of("DMA GENERIC OFFLOAD ENGINE SUBSYSTEM"), owners("drivers/dma/dw-edma/dw-edma-core.c"));
        assertEquals(List.of("DMA GENERIC OFFLOAD ENGINE SUBSYSTEM"), owners("drivers/dma/pl330.c"));
        assertEquals(List.of(), owners("drivers/dmabuf.c"));
    }

    @Test
    void exactFileMatchesOnlyThatFile() {
        assertEquals(List.of("DMA GENERIC OFFLOAD ENGINE SUBSYSTEM"), owners("include/linux/dmaengine.h"));
        assertEquals(List.of(), owners("include/linux/dmaengine.h.orig"));
    }

    @Test
    void directoryWithoutTrailingSlashCoversEverythingBelowIt() {
        assertEquals(List.of("MEMORY TECHNOLOGY DEVICES (MTD)"), owners("drivers/mtd/nand/raw/rockchip-nand-controller.c"));
        assertEquals(List.of("MEMORY TECHNOLOGY DEVICES (MTD)"), owners("drivers/mtd/mtdcore.c"));
        assertEquals(List.of(), owners("drivers/mtdblock.c"));
    }

    @Test
    void globsStayInTheirDirectoryUnlessTheyEndInASlash() {
        assertEquals(List.of("SLAB ALLOCATOR"), owners("mm/slub.c"));
        assertEquals(List.of("SLAB ALLOCATOR"), owners("mm/slab_common.c"));
        assertEquals(List.of("SLAB ALLOCATOR"), owners("include/linux/slab.h"));
        assertEquals(List.of(), owners("mm/slob/extra.c"));
        assertEquals(List.of(), owners("mm/page_alloc.c"));
        assertEquals(List.of("CRYPTO API"), owners("crypto/api.c"));
        assertEquals(List.of(), owners("crypto/async_tx/async_xor.c"));
        assertEquals(List.of("CRYPTO API"), owners("include/crypto/hash.h"));
        assertEquals(List.of("GFP MASKS"), owners("include/linux/gfp_types.h"));
    }

    @Test
    void exclusionsAreTestedBeforeFilePatterns() {
        assertEquals(List.of("DMA MAPPING HELPERS"), owners("kernel/dma/direct.c"));
        assertEquals(List.of(), owners("kernel/dma/pool.c"));
        assertEquals(List.of("USB SUBSYSTEM"), owners("drivers/usb/host/xhci.c"));
        assertEquals(List.of(), owners("drivers/usb/storage/uas.c"));
    }

    @Test
    void fileRegexesMatchAnywhereInThePath() {
        assertEquals(List.of("TEGRA ARCHITECTURE SUPPORT"), owners("drivers/gpu/drm/tegra/dc.c"));
        assertEquals(List.of("TEGRA ARCHITECTURE SUPPORT"), owners("arch/arm64/boot/dts/nvidia/tegra194.dtsi"));
        assertEquals(List.of(), owners("drivers/misc/integrator.c"));
    }

    @Test
    void contentRegexesMatchTheLinesAPatchChanges() {
        MaintainersEntry gfp = entry("GFP MASKS");
        assertTrue(gfp.concerns(List.of("drivers/net/ethernet/foo.c"),
                List.of("\tbuf = kmalloc(len, GFP_KERNEL | GFP_DMA32);")));
        assertTrue(gfp.concerns(List.of("drivers/net/ethernet/foo.c"), List.of("gfp |= __GFP_DMA;")));
        assertFalse(gfp.concerns(List.of("drivers/net/ethernet/foo.c"), List.of("gfp |= __GFP_DMA_MASK;")));
        assertFalse(gfp.concerns(List.of("drivers/net/ethernet/foo.c"), List.of("buf = kzalloc(len, GFP_KERNEL);")));
        assertTrue(gfp.concerns(List.of("include/linux/gfp.h"), List.of()));
    }

    @Test
    void badRegexNamesTheLine() {
        MaintainersFormatException e = assertThrows(MaintainersFormatException.class,
                () -> MaintainersFile.parse("M", "FOO\nM:\tA <a@b>\nN:\t[tegra\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("M:3: N: '[tegra' is not a regular expression"), e.getMessage());
    }

    @Test
    void typedLinesWithoutTitleAndStrayLinesAreErrors() {
        assertEquals(3, assertThrows(MaintainersFormatException.class,
                () -> MaintainersFile.parse("M", "FOO\nM:\tA <a@b>\n\nF:\tdrivers/foo/\n")).line() - 1);
        MaintainersFormatException stray = assertThrows(MaintainersFormatException.class,
                () -> MaintainersFile.parse("M", "FOO\nM:\tA <a@b>\nF drivers/foo/\n"));
        assertEquals(3, stray.line());
        assertThrows(MaintainersFormatException.class,
                () -> MaintainersFile.parse("M", "FOO\nF:\t/abs/path\n"));
    }

    @Test
    void patternRulesOnTheirOwn() {
        assertTrue(FilePattern.of("*/net/*").matches("drivers/net/loopback.c"));
        assertFalse(FilePattern.of("*/net/*").matches("drivers/net/ethernet/intel/e1000.c"));
        assertTrue(FilePattern.of("drivers/*/foo/").matches("drivers/a/b/foo/bar.c"));
        assertTrue(FilePattern.of("fs/ext?/").matches("fs/ext4/inode.c"));
        assertFalse(FilePattern.of("fs/ext?/").matches("fs/ext/inode.c"));
        // '.' is a literal dot, not any character
        assertFalse(FilePattern.of("include/linux/of_dma.h").matches("include/linux/of_dmaxh"));
        assertThrows(IllegalArgumentException.class, () -> FilePattern.of(" "));
    }

    @Test
    void readsFromDiskAndRemembersTitleLines(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("MAINTAINERS");
        try (InputStream in = MaintainersFileTest.class.getResourceAsStream("/maintainers/MAINTAINERS")) {
            Files.copy(in, copy);
        }
        MaintainersFile read = MaintainersFile.read(copy);
        List<String> lines = Files.readAllLines(copy);
        for (MaintainersEntry e : read.entries()) {
            assertEquals(e.name(), lines.get(e.line() - 1));
        }
        assertEquals(file.entries().size(), read.entries().size());
    }
}
