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
        return check(patch.files());
    }

    /** The findings for the file diffs of one patch. */
    public static List<Finding> check(List<FileDiff> files) {
        PatchScan scan = new PatchScan(files, AllocatorModel.standard(), Locations.standard());
        Report report = new Report(RuleCatalog.standard(), scan);
        for (FileScan file : scan.files) {
            for (Check c : CHECKS) {
                c.check(scan, file, report);
            }
        }
        return report.sorted();
    }
}
