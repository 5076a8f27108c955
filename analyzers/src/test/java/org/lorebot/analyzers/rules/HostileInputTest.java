package org.lorebot.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.patch.DiffLine;
import org.lorebot.analyzers.patch.FileChange;
import org.lorebot.analyzers.patch.FileDiff;
import org.lorebot.analyzers.patch.Hunk;

/** Broken, truncated and hostile C in a patch never makes the checker throw or hang. */
class HostileInputTest {

    private static List<Finding> check(List<String> added) {
        List<DiffLine> lines = new ArrayList<>();
        for (int i = 0; i < added.size(); i++) {
            lines.add(new DiffLine(DiffLine.Kind.ADDED, added.get(i), 0, i + 1));
        }
        Hunk hunk = new Hunk(0, 0, 1, lines.size(), "", lines);
        return DmaChecker.check(List.of(new FileDiff(null, "drivers/x/x.c", FileChange.ADDED, null, "100644", false,
                List.of(hunk))));
    }

    @Test
    void deeplyNestedMaskIsOpaqueNotAStackOverflow() {
        String deep = "(".repeat(20_000) + "GFP_DMA32" + ")".repeat(20_000);
        assertEquals(List.of(), check(List.of("\tp = kmalloc(4, " + deep + ");")));
        String nots = "~".repeat(20_000) + "GFP_DMA32";
        assertDoesNotThrow(() -> check(List.of("\tp = kmalloc(4, " + nots + ");")));
        String casts = "(gfp_t)".repeat(20_000) + "GFP_DMA32";
        assertDoesNotThrow(() -> check(List.of("\tp = kmalloc(4, " + casts + ");")));
    }

    @Test
    void unbalancedAndTruncatedCode() {
        List<String> samples = List.of(
                "\tp = kmalloc(4, GFP_KERNEL | GFP_DMA32",
                "\tp = kmalloc(4, GFP_KERNEL | GFP_DMA32));)",
                "}}}} p = kzalloc(4, GFP_DMA32); {{{{",
                "#define X(",
                "#define",
                "#if",
                "#endif",
                "\"unterminated string kmalloc(4, GFP_DMA32)",
                "'",
                "/* unterminated comment kmalloc(4, GFP_DMA32)",
                "*/ p = kmalloc(4, GFP_KERNEL | GFP_DMA32);",
                "struct s { u8 buf[4] ____cacheline_aligned",
                "u8 __aligned(",
                "gfp |= ; gfp = ; = GFP_DMA; kmalloc(,,,,);",
                "dma_map_single(,,); sg_init_one(",
                "writel(virt_to_phys(",
                "x = kmalloc(4, a ? : GFP_DMA);");
        for (String s : samples) {
            assertDoesNotThrow(() -> check(List.of(s)), s);
        }
    }

    @Test
    void randomMutationsOfRealCode() {
        List<String> code = List.of(
                "static int foo_probe(struct platform_device *pdev)",
                "{",
                "\tgfp_t gfp = GFP_KERNEL;",
                "\tu8 cmd[4];",
                "\tif (low)",
                "\t\tgfp |= GFP_DMA;",
                "\tpriv->buf = kmalloc(SZ, gfp | __GFP_NOWARN);",
                "\tpriv->dma = dma_map_single(dev, priv->buf, SZ, DMA_TO_DEVICE);",
                "\tring = dma_alloc_coherent(dev, sz, &h, GFP_KERNEL | (x ? GFP_DMA32 : 0));",
                "\tmemset(ring, 0, sz);",
                "\twritel(virt_to_phys(cmd), base + REG);",
                "#define FOO_GFP (GFP_KERNEL | __GFP_HIGHMEM)",
                "\tpage = alloc_pages(FOO_GFP | GFP_DMA32, 3);",
                "}");
        String alphabet = "(){}[];,|&~?:#\"'/*\\ \tGFP_DMA32";
        Random random = new Random(20261121);
        for (int round = 0; round < 1_000; round++) {
            List<String> mutated = new ArrayList<>();
            for (String line : code) {
                StringBuilder sb = new StringBuilder(line);
                int edits = random.nextInt(4);
                for (int e = 0; e < edits && sb.length() > 0; e++) {
                    int at = random.nextInt(sb.length());
                    switch (random.nextInt(3)) {
                        case 0 -> sb.deleteCharAt(at);
                        case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        default -> sb.setLength(at);
                    }
                }
                mutated.add(sb.toString());
            }
            List<String> input = mutated.subList(random.nextInt(mutated.size()), mutated.size());
            assertDoesNotThrow(() -> check(input), String.join("\n", input));
        }
    }
}
