package org.lorebot.bot.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lorebot.bot.series.Mails.cover;
import static org.lorebot.bot.series.Mails.diff;
import static org.lorebot.bot.series.Mails.mail;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionLinkerTest {

    private static Series one(PatchMail... mails) {
        return SeriesAssembler.assemble(List.of(mails)).get(0);
    }

    private static final String D1 = diff("drivers/foo.c", "\tbuf = kmalloc(64, GFP_KERNEL);", "\tbuf = kmalloc(64, GFP_DMA);");
    private static final String D2 = diff("drivers/foo.c", "\tbuf = kmalloc(64, GFP_KERNEL);", "\tbuf = kzalloc(64, GFP_DMA);");

    @Test
    void linksByChangeIdEvenWhenTheTitleChanged() {
        Series v1 = one(cover("c1@x", "dev@example.net", "[PATCH 0/1] foo: first idea", 0, "---\nchange-id: 20261120-foo-abc123\n"),
                mail("p1@x", "dev@example.net", "[PATCH 1/1] foo: one", 1, "c1@x", D1));
        Series other = one(mail("o@x", "dev@example.net", "[PATCH] foo: second idea", 50, null, D2));
        Series v2 = one(cover("c2@x", "dev@example.net", "[PATCH v2 0/1] foo: second idea", 100, "---\nchange-id: 20261120-foo-abc123\n"),
                mail("q1@x", "dev@example.net", "[PATCH v2 1/1] foo: one", 101, "c2@x", D2));
        assertEquals(Optional.of(v1), VersionLinker.previous(v2, List.of(v1, other)));
        assertEquals("change-id:20261120-foo-abc123", VersionLinker.key(v2));
    }

    @Test
    void linksByPatchIdWhenAPatchIsCarriedOverUnchanged() {
        Series v1 = one(mail("p1@x", "dev@example.net", "[PATCH] foo: use DMA memory", 0, null, D1));
        Series v2 = one(mail("p2@x", "dev@example.net", "[PATCH v2] foo: allocate from the DMA zone", 60, null, D1));
        assertEquals(Optional.of(v1), VersionLinker.previous(v2, List.of(v1)));
    }

    @Test
    void linksBySenderAndStrippedTitle() {
        Series v1 = one(mail("p1@x", "dev@example.net", "[PATCH net-next] net: foo: use DMA memory", 0, null, D1));
        Series v2 = one(mail("p2@x", "DEV@example.net", "[RFC PATCH v3 net-next] net: foo: use  DMA memory", 60, null, D2));
        Series stranger = one(mail("p3@x", "someone@example.org", "[PATCH v3] net: foo: use DMA memory", 61, null, D2));
        assertEquals(Optional.of(v1), VersionLinker.previous(v2, List.of(v1)));
        assertEquals(Optional.empty(), VersionLinker.previous(stranger, List.of(v1)));
        assertEquals(VersionLinker.key(v1), VersionLinker.key(v2));
        assertEquals("author:dev@example.net|title:net: foo: use dma memory", VersionLinker.key(v1));
    }

    @Test
    void picksTheLatestEarlierVersionAndNeverALaterOne() {
        Series v1 = one(mail("a@x", "dev@example.net", "[PATCH] foo: x", 0, null, D1));
        Series v2 = one(mail("b@x", "dev@example.net", "[PATCH v2] foo: x", 10, null, D2));
        Series v3 = one(mail("c@x", "dev@example.net", "[PATCH v3] foo: x", 20, null, D2 + "\n"));
        assertEquals(Optional.of(v2), VersionLinker.previous(v3, List.of(v1, v2)));
        assertEquals(Optional.of(v1), VersionLinker.previous(v2, List.of(v1, v3)));
        assertEquals(Optional.empty(), VersionLinker.previous(v1, List.of(v2, v3)));
    }

    @Test
    void versionKeyIgnoresResendAndNumbering() {
        PatchMail first = mail("a@x", "dev@example.net", "[PATCH v2 1/3] foo: x", 0, null, D1);
        PatchMail resend = mail("b@x", "dev@example.net", "[RESEND PATCH v2 1/3] foo: x", 10, null, D1);
        assertEquals(VersionLinker.versionKey("k", 2, first), VersionLinker.versionKey("k", 2, resend));
    }
}
