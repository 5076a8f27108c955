package org.lorebot.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.patch.FileDiff;
import org.lorebot.analyzers.patch.UnifiedDiffParser;

/**
 * A large treewide patch (about 20,000 diff lines over 120 files, mostly harmless renames
 * with a known number of planted flag bugs) gives exactly the planted findings. With
 * {@code -Dlorebot.benchmark=true} it also prints how long the check takes (median of 15
 * warm runs); speed is measured here, never asserted.
 */
class TreewidePatchTest {
    private static final int FILES = 120;
    private static final int HUNKS_PER_FILE = 5;

    @Test
    void plantedProblemsAreFoundAndNothingElse() {
        String diff = treewide();
        List<FileDiff> files = UnifiedDiffParser.parse(diff);
        assertEquals(FILES, files.size());
        List<Finding> findings = DmaChecker.check(files);
        Map<String, Integer> byRule = new TreeMap<>();
        for (Finding f : findings) {
            byRule.merge(f.ruleId(), 1, Integer::sum);
        }
        // every 10th file adds GFP_DMA32 to a kzalloc(); every 20th passes __GFP_COMP to dma_alloc_coherent()
        assertEquals(Map.of("DMA007", FILES / 10, "DMA024", FILES / 10, "DMA004", FILES / 20), byRule,
                "DMA024 too: the flag is added to an existing call and no DMA mask is set");
        if (Boolean.getBoolean("lorebot.benchmark")) {
            // thread CPU time as well as wall time: the build machine is shared
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long lines = diff.lines().count();
            List<Long> wall = new ArrayList<>();
            List<Long> onCpu = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                DmaChecker.check(files);
                wall.add(System.nanoTime() - t0);
                onCpu.add(cpu.getCurrentThreadCpuTime() - c0);
            }
            System.out.printf("treewide patch: %d diff lines, %d files: check median %.1f ms wall, %.1f ms CPU (15 warm runs)%n",
                    lines, FILES, median(wall.subList(15, 30)) / 1e6, median(onCpu.subList(15, 30)) / 1e6);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static String treewide() {
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < FILES; f++) {
            String path = "drivers/subsys" + (f % 37) + "/driver" + f + ".c";
            sb.append("diff --git a/").append(path).append(" b/").append(path).append('\n')
                    .append("index 1111111..2222222 100644\n--- a/").append(path).append("\n+++ b/").append(path).append('\n');
            for (int h = 0; h < HUNKS_PER_FILE; h++) {
                List<String> lines = new ArrayList<>();
                lines.add(" /*");
                lines.add("  * Allocate the ring; the old code used kmalloc(sz, GFP_DMA) here.");
                lines.add("  */");
                lines.add(" static int drv" + f + "_setup_" + h + "(struct drv *priv, size_t len)");
                lines.add(" {");
                for (int k = 0; k < 2; k++) {
                    lines.add("-\tpriv->old_buf" + k + " = kzalloc(len, GFP_KERNEL);");
                    boolean plant = h == 0 && k == 0 && f % 10 == 0;
                    lines.add("+\tpriv->new_buf" + k + " = kzalloc(len, GFP_KERNEL" + (plant ? " | GFP_DMA32" : "") + ");");
                    lines.add(" \tif (!priv->new_buf" + k + ")");
                    lines.add(" \t\treturn -ENOMEM;");
                }
                lines.add("-\tret = old_helper(priv, \"name\", len * 2, (u32)(len >> 2));");
                lines.add("+\tret = new_helper(priv, \"name\", len * 2, (u32)(len >> 2));");
                boolean comp = h == 1 && f % 20 == 0;
                lines.add("+\tpriv->ring = dma_alloc_coherent(priv->dev, len, &priv->ring_dma,");
                lines.add("+\t\t\t\t\tGFP_KERNEL" + (comp ? " | __GFP_COMP" : "") + ");");
                for (int k = 0; k < 6; k++) {
                    lines.add("-\tpriv->field" + k + " = readl(priv->regs + OLD_REG_" + k + ");");
                    lines.add("+\tpriv->field" + k + " = readl(priv->regs + NEW_REG_" + k + ");");
                }
                lines.add(" \treturn ret;");
                lines.add(" }");
                int oldCount = 0;
                int newCount = 0;
                for (String l : lines) {
                    oldCount += l.charAt(0) != '+' ? 1 : 0;
                    newCount += l.charAt(0) != '-' ? 1 : 0;
                }
                int start = 100 + h * 200;
                sb.append("@@ -").append(start).append(',').append(oldCount).append(" +").append(start).append(',')
                        .append(newCount).append(" @@ struct drv;\n");
                for (String l : lines) {
                    sb.append(l).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
