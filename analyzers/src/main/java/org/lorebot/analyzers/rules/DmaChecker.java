package org.lorebot.analyzers.rules;

import java.util.List;
import org.lorebot.analyzers.dma.AllocatorModel;
import org.lorebot.analyzers.dma.Locations;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.patch.FileDiff;

/**
 * Checks what a patch changes against the DMA allocator model and returns the findings,
 * sorted by file and line. A call is judged when the patch adds at least one of its lines
 * (or a line that feeds its gfp mask); code the patch only shows as context, and code it
 * removes, is never blamed.
 */
public final class DmaChecker {
    private static final List<Check> CHECKS = List.of(
            new ZoneModifierCheck(), new ContextFlagCheck(), new MappingCheck(), new ZeroingCheck(),
            new PhysicalAddressCheck(), new AlignmentCheck(), new SlabCacheCheck(), new RemovedApiCheck(),
            new DmaMaskCheck());

    private final AllocatorModel model;
    private final Locations locations;
    private final RuleCatalog catalog;

    public DmaChecker() {
        this(AllocatorModel.standard(), Locations.standard(), RuleCatalog.standard());
    }

    DmaChecker(AllocatorModel model, Locations locations, RuleCatalog catalog) {
        this.model = model;
        this.locations = locations;
        this.catalog = catalog;
    }

    /** The findings for the file diffs of one patch. */
    public List<Finding> check(List<FileDiff> files) {
        PatchScan scan = new PatchScan(files, model, locations);
        Report report = new Report(catalog);
        for (FileScan file : scan.files) {
            for (Check c : CHECKS) {
                c.check(scan, file, report);
            }
        }
        return report.sorted();
    }

    /** The findings for one patch's file diffs, with the standard model. */
    public static List<Finding> checkFiles(List<FileDiff> files) {
        return new DmaChecker().check(files);
    }
}
