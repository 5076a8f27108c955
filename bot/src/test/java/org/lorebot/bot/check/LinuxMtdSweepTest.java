package org.lorebot.bot.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.patch.Patch;
import org.lorebot.analyzers.patch.PatchParser;
import org.lorebot.analyzers.rules.DmaChecker;
import org.lorebot.index.archive.ArchiveEntry;
import org.lorebot.index.archive.ArchiveProblem;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.ArchiveSources;
import org.lorebot.index.archive.ArchiveVisitor;
import org.lorebot.index.fixture.LinuxMtdFixture;
import org.lorebot.index.mail.MailMessage;
import org.lorebot.index.mail.MailParser;
import org.lorebot.index.mail.MalformedMailException;

/**
 * Every message of the real linux-mtd archive (8,593 commits) through the mail parser, the
 * patch parser and the DMA checker. The complete list of what fires is kept here, so any
 * change in what the rules report on real mail shows up as a diff of this list. Each entry
 * was read and judged correct:
 * <ul>
 * <li>DMA002 and DMA001, as info: gpmi-nand passes GFP_DMA alone to dma_alloc_coherent() (still
 *     in 6.1), but both patches only rename the variables around a call that already had it.
 * <li>DMA008/DMA024: the Rockchip NAND driver series kmallocs its page and OOB buffers with
 *     GFP_KERNEL | GFP_DMA and never sets a DMA mask in the new file; the buffers are later
 *     dma_map_single()d in other functions.
 * <li>DMA016: the first Rockchip NAND RFC replaces dma_map_single() on arm64 with its own
 *     rk_nandc_dma_map_single(), which returns virt_to_phys() as the DMA address.
 * <li>DMA022: new GFP_NOFS allocations in UBIFS and fscrypt (info: the scope API is preferred).
 * </ul>
 * Replies, cover letters, pull requests and robot reports give nothing. Skipped (with a
 * message) when $LOREBOT_FIXTURES is not set.
 */
class LinuxMtdSweepTest {

    /** Message-ID, rule, severity, file:line of every finding in the archive. */
    private static final List<String> EXPECTED = List.of(
            "1563602720-113903-1-git-send-email-chengzhihao1@huawei.com DMA022 info fs/ubifs/tnc_commit.c:406",
            "1582293853-136727-1-git-send-email-chengzhihao1@huawei.com DMA022 info fs/ubifs/recovery.c:633",
            "1582884076-27615-2-git-send-email-yifeng.zhao@rock-chips.com DMA008 warning drivers/mtd/nand/raw/rockchip_nand.c:941",
            "1582884076-27615-2-git-send-email-yifeng.zhao@rock-chips.com DMA008 warning drivers/mtd/nand/raw/rockchip_nand.c:947",
            "1582884076-27615-2-git-send-email-yifeng.zhao@rock-chips.com DMA024 info drivers/mtd/nand/raw/rockchip_nand.c:941",
            "20190515203113.19398-1-richard@nod.at DMA022 info fs/ubifs/orphan.c:692",
            "20190520172552.217253-7-ebiggers@kernel.org DMA022 info fs/crypto/keyring.c:187",
            "20190521070643.6244-15-s.hauer@pengutronix.de DMA001 info drivers/mtd/nand/raw/gpmi-nand/gpmi-nand.c:1266",
            "20190521070643.6244-15-s.hauer@pengutronix.de DMA002 info drivers/mtd/nand/raw/gpmi-nand/gpmi-nand.c:1266",
            "20190521070643.6244-6-s.hauer@pengutronix.de DMA001 info drivers/mtd/nand/raw/gpmi-nand/gpmi-nand.c:1688",
            "20190521070643.6244-6-s.hauer@pengutronix.de DMA002 info drivers/mtd/nand/raw/gpmi-nand/gpmi-nand.c:1688",
            "20190814121834.13983-12-s.hauer@pengutronix.de DMA022 info fs/ubifs/quota.c:335",
            "20191030152702.14269-11-s.hauer@pengutronix.de DMA022 info fs/ubifs/quota.c:335",
            "20191106091537.32480-8-s.hauer@pengutronix.de DMA022 info fs/ubifs/quota.c:335",
            "20200108205338.11369-3-jbx6244@gmail.com DMA008 warning drivers/mtd/nand/raw/rockchip_nandc.c:779",
            "20200108205338.11369-3-jbx6244@gmail.com DMA008 warning drivers/mtd/nand/raw/rockchip_nandc.c:783",
            "20200108205338.11369-3-jbx6244@gmail.com DMA016 warning drivers/mtd/nand/raw/rockchip_nandc.c:431",
            "20200108205338.11369-3-jbx6244@gmail.com DMA024 info drivers/mtd/nand/raw/rockchip_nandc.c:779",
            "20200124131323.23885-9-s.hauer@pengutronix.de DMA022 info fs/ubifs/quota.c:326",
            "20200124163001.28910-3-jbx6244@gmail.com DMA008 warning drivers/mtd/nand/raw/rockchip-nand-controller.c:818",
            "20200124163001.28910-3-jbx6244@gmail.com DMA008 warning drivers/mtd/nand/raw/rockchip-nand-controller.c:824",
            "20200124163001.28910-3-jbx6244@gmail.com DMA024 info drivers/mtd/nand/raw/rockchip-nand-controller.c:818",
            "20200302024744.28185-2-yifeng.zhao@rock-chips.com DMA008 warning drivers/mtd/nand/raw/rockchip_nand.c:941",
            "20200302024744.28185-2-yifeng.zhao@rock-chips.com DMA008 warning drivers/mtd/nand/raw/rockchip_nand.c:947",
            "20200302024744.28185-2-yifeng.zhao@rock-chips.com DMA024 info drivers/mtd/nand/raw/rockchip_nand.c:941",
            "20200303094736.7490-2-yifeng.zhao@rock-chips.com DMA008 warning drivers/mtd/nand/raw/rockchip_nand.c:941",
            "20200303094736.7490-2-yifeng.zhao@rock-chips.com DMA008 warning drivers/mtd/nand/raw/rockchip_nand.c:947",
            "20200303094736.7490-2-yifeng.zhao@rock-chips.com DMA024 info drivers/mtd/nand/raw/rockchip_nand.c:941",
            "20200320093342.15470-2-yifeng.zhao@rock-chips.com DMA008 warning drivers/mtd/nand/raw/rockchip_nand.c:908",
            "20200320093342.15470-2-yifeng.zhao@rock-chips.com DMA008 warning drivers/mtd/nand/raw/rockchip_nand.c:914",
            "20200320093342.15470-2-yifeng.zhao@rock-chips.com DMA024 info drivers/mtd/nand/raw/rockchip_nand.c:908",
            "20200426100250.14678-3-yifeng.zhao@rock-chips.com DMA008 warning drivers/mtd/nand/raw/rockchip-nand-controller.c:940",
            "20200426100250.14678-3-yifeng.zhao@rock-chips.com DMA008 warning drivers/mtd/nand/raw/rockchip-nand-controller.c:946",
            "20200426100250.14678-3-yifeng.zhao@rock-chips.com DMA024 info drivers/mtd/nand/raw/rockchip-nand-controller.c:940",
            "20200609074020.23860-3-yifeng.zhao@rock-chips.com DMA008 warning drivers/mtd/nand/raw/rockchip-nand-controller.c:983",
            "20200609074020.23860-3-yifeng.zhao@rock-chips.com DMA008 warning drivers/mtd/nand/raw/rockchip-nand-controller.c:989",
            "20200609074020.23860-3-yifeng.zhao@rock-chips.com DMA024 info drivers/mtd/nand/raw/rockchip-nand-controller.c:983");

    @Test
    void everyFindingInTheArchiveIsTheExpectedOne() throws IOException {
        Path repository = LinuxMtdFixture.repository();
        MailParser parser = new MailParser();
        Set<String> found = new TreeSet<>();
        List<String> unexpectedSources = new ArrayList<>();
        int[] messages = {0};
        try (ArchiveSource source = ArchiveSources.open(repository)) {
            source.read(Map.of(), new ArchiveVisitor() {
                @Override
                public void entry(ArchiveEntry entry) {
                    if (entry.kind() != ArchiveEntry.Kind.ADD) {
                        return;
                    }
                    MailMessage mail;
                    try {
                        mail = parser.parse(entry.raw(), entry.time());
                    } catch (MalformedMailException e) {
                        return;
                    }
                    messages[0]++;
                    Patch patch = PatchParser.parse(mail.subject(), mail.body());
                    List<Finding> findings = DmaChecker.check(patch);
                    if (!findings.isEmpty() && !isPatch(mail, patch)) {
                        unexpectedSources.add(mail.messageId() + " " + mail.subject());
                    }
                    for (Finding f : findings) {
                        found.add(mail.messageId() + " " + f.ruleId() + " " + f.severity().word() + " "
                                + f.path() + ":" + f.line());
                    }
                }

                @Override
                public void problem(ArchiveProblem problem) {
                    // the archive's one missing blob; the index tests account for it
                }
            });
        }
        assertTrue(messages[0] > 8_500, "read " + messages[0] + " messages");
        assertEquals(List.of(), unexpectedSources, "replies, covers, pulls and robot reports must give nothing");
        assertEquals(String.join("\n", EXPECTED), String.join("\n", found));
    }

    /**
     * With {@code -Dlorebot.benchmark=true}: patch parsing plus the DMA check over every
     * message of the archive that carries a diff, mail already decoded, median of warm runs.
     */
    @Test
    void throughput() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("lorebot.benchmark"), "benchmark: run with -Dlorebot.benchmark=true");
        Path repository = LinuxMtdFixture.repository();
        MailParser parser = new MailParser();
        List<MailMessage> patches = new ArrayList<>();
        try (ArchiveSource source = ArchiveSources.open(repository)) {
            source.read(Map.of(), new ArchiveVisitor() {
                @Override
                public void entry(ArchiveEntry entry) {
                    try {
                        MailMessage mail = parser.parse(entry.raw(), entry.time());
                        if (PatchParser.parse(mail.subject(), mail.body()).hasDiff()) {
                            patches.add(mail);
                        }
                    } catch (MalformedMailException e) {
                        // not a message
                    }
                }

                @Override
                public void problem(ArchiveProblem problem) {
                }
            });
        }
        // thread CPU time as well as wall time: the build machine is shared
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Long> checkOnly = new ArrayList<>();
        List<Long> parseAndCheck = new ArrayList<>();
        List<Long> checkCpu = new ArrayList<>();
        List<Long> bothCpu = new ArrayList<>();
        for (int round = 0; round < 12; round++) {
            List<Patch> parsed = new ArrayList<>(patches.size());
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (MailMessage m : patches) {
                parsed.add(PatchParser.parse(m.subject(), m.body()));
            }
            long c1 = cpu.getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            for (Patch p : parsed) {
                DmaChecker.check(p);
            }
            long t2 = System.nanoTime();
            long c2 = cpu.getCurrentThreadCpuTime();
            parseAndCheck.add(t2 - t0);
            checkOnly.add(t2 - t1);
            bothCpu.add(c2 - c0);
            checkCpu.add(c2 - c1);
        }
        int n = patches.size();
        System.out.printf("linux-mtd: %d patches; DmaChecker %.0f patches/s wall, %.0f per CPU second; "
                        + "PatchParser + DmaChecker %.0f patches/s wall, %.0f per CPU second (median of 8 warm rounds)%n",
                n, n / (median(checkOnly.subList(4, 12)) / 1e9), n / (median(checkCpu.subList(4, 12)) / 1e9),
                n / (median(parseAndCheck.subList(4, 12)) / 1e9), n / (median(bothCpu.subList(4, 12)) / 1e9));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /** A patch posting, not a reply, cover letter, pull request or robot report. */
    private static boolean isPatch(MailMessage mail, Patch patch) {
        String subject = mail.subject().toLowerCase();
        String from = mail.from().toString().toLowerCase();
        return patch.hasDiff() && !subject.startsWith("re:") && !subject.contains("git pull")
                && !from.contains("lkp@intel.com") && !from.contains("robot");
    }
}
