package org.lorebot.analyzers.rules;

import java.util.List;
import org.lorebot.analyzers.clang.Call;
import org.lorebot.analyzers.clang.CallExtractor;
import org.lorebot.analyzers.clang.Lexer;
import org.lorebot.analyzers.clang.SourceText;
import org.lorebot.analyzers.clang.TokenSpan;
import org.lorebot.analyzers.dma.CodeContext;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.analyzers.gfp.GfpFlag;

/**
 * DMA024: a zone flag stands in for a DMA mask. Judged only where the patch shows enough:
 * a new file (the whole file is visible), or an existing call the patch changes to add the
 * flag; and only when no code in the patch sets a DMA mask. The finding says what it rests on.
 * Only device drivers have a mask to set: generic code (headers, core kernel, net, fs, ...)
 * passes the flag on behalf of its callers.
 */
final class DmaMaskCheck implements Check {

    @Override
    public void check(PatchScan patch, FileScan file, Report report) {
        if (patch.setsDmaMask() || file.in(CodeContext.CORE) || file.in(CodeContext.ALLOCATOR) || file.in(CodeContext.ARCH)
                || file.in(CodeContext.S390) || file.in(CodeContext.ISA) || file.in(CodeContext.FIRMWARE)) {
            return;
        }
        boolean newFile = file.diff.oldPath() == null;
        AllocationSite first = null;
        String firstFlag = null;
        int count = 0;
        for (AllocationSite site : file.allocations()) {
            if (!site.changed() || site.zoneDeliberate() || site.mappingFallback()) {
                continue;
            }
            GfpFlag flag = site.gfp().mayHave(GfpFlag.__GFP_DMA) ? GfpFlag.__GFP_DMA
                    : site.gfp().mayHave(GfpFlag.__GFP_DMA32) ? GfpFlag.__GFP_DMA32 : null;
            if (flag == null) {
                continue;
            }
            String spelled = Flags.spelled(site, flag);
            if (newFile || addsFlagToExistingCall(site, spelled)) {
                count++;
                if (first == null) {
                    first = site;
                    firstFlag = spelled;
                }
            }
        }
        if (first == null) {
            return;
        }
        // One finding per file: the missing mask is one fact, however many calls show it.
        String where = newFile ? "this new file" : "the code this patch shows";
        String others = count > 1 ? " (and " + (count - 1) + " more allocation" + (count > 2 ? "s" : "") + " below)" : "";
        report.at(first, "DMA024", Severity.INFO, file.path,
                firstFlag + " expresses an addressing limit" + others + ", but no DMA mask is set in " + where,
                "This rests only on the code in the patch: no dma_set_mask(), dma_set_coherent_mask() "
                        + "or dma_set_mask_and_coherent() call appears in it.");
    }

    /** True when the hunk's old text calls the same allocator without the flag. */
    private static boolean addsFlagToExistingCall(AllocationSite site, String spelled) {
        SourceText old = SourceText.oldSide(site.hunk().hunk);
        List<Call> before = new CallExtractor(Lexer.lex(old)).calls(n -> n.equals(site.allocator().api()));
        for (Call c : before) {
            TokenSpan gfp = c.argument(site.allocator().gfpArgument());
            if (gfp != null && !gfp.mentions(spelled) && !gfp.mentions("__" + spelled.replaceFirst("^__", ""))) {
                return true;
            }
        }
        return false;
    }
}
