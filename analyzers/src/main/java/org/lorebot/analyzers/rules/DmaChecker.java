package org.lorebot.analyzers.rules;

import java.util.List;
import org.lorebot.analyzers.dma.AllocatorModel;
import org.lorebot.analyzers.dma.Locations;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.patch.FileDiff;
import org.lorebot.analyzers.patch.Patch;

/**
 * Checks what a patch changes against the DMA allocator model and returns the findings,
 * sorted by file, line and rule. A call is judged when the patch adds at least one of its
 * lines (or a line that feeds its gfp mask); code the patch only shows as context, and code
 * it removes, is never blamed. Stateless and thread-safe.
 */
public final class DmaChecker {
    private static final List<Check> CHECKS = List.of(
            new ZoneModifierCheck(), new ContextFlagCheck(), new MappingCheck(), new ZeroingCheck(),
            new PhysicalAddressCheck(), new AlignmentCheck(), new SlabCacheCheck(), new RemovedApiCheck(),
            new DmaMaskCheck());

    private DmaChecker() {
    }

    /** The findings for a parsed patch; a cover letter or a reply has no files and no findings. */
    public static List<Finding> check(Patch patch) {
        return check(patch.files(), olderTree(patch.tags().prefixes()));
    }

    /** The findings for the file diffs of one patch. */
    public static List<Finding> check(List<FileDiff> files) {
        return check(files, null);
    }

    private static List<Finding> check(List<FileDiff> files, String olderTree) {
        PatchScan scan = new PatchScan(files, AllocatorModel.standard(), Locations.standard(), olderTree);
        Report report = new Report(RuleCatalog.standard(), scan);
        for (FileScan file : scan.files) {
            for (Check c : CHECKS) {
                c.check(scan, file, report);
            }
        }
        return report.sorted();
    }

    /**
     * The subject tag naming a stable tree older than v6.2 ({@code [PATCH 5.15]},
     * {@code [PATCH 6.1.y]}), where some flags the rules call errors were still accepted; else null.
     */
    static String olderTree(List<String> prefixes) {
        for (String p : prefixes) {
            String[] parts = p.strip().toLowerCase(java.util.Locale.ROOT).split("\\.");
            if (parts.length < 2 || parts.length > 3) {
                continue;
            }
            try {
                int major = Integer.parseInt(parts[0]);
                int minor = Integer.parseInt(parts[1]);
                boolean tail = parts.length == 2 || parts[2].equals("y") || parts[2].matches("\\d{1,3}");
                if (tail && major >= 2 && (major < 6 || major == 6 && minor < 2)) {
                    return p.strip();
                }
            } catch (NumberFormatException e) {
                // not a version tag
            }
        }
        return null;
    }
}
