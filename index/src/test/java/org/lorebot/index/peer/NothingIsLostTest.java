package org.lorebot.index.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lorebot.index.peer.PeerArchive.ids;
import static org.lorebot.index.peer.PeerArchive.ingest;
import static org.lorebot.index.peer.PeerArchive.mbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.MailIndex;
import org.lorebot.index.fixture.PeerCorpus;
import org.lorebot.index.fixture.PublicInboxMda;
import org.lorebot.index.ingest.IngestSummary;

/**
 * Issue 11, "nothing is lost": a Message-ID reused by other content, several ids, no id, as
 * public-inbox 1.9 keeps them (peer corpus {@code public-inbox/crafted/m*}, {@code t/psgi_v2-*}).
 */
class NothingIsLostTest {

    /** The index under test, its files under {@code tmp}: the local one here. */
    MailIndex open(Path tmp) throws IOException {
        return MailIndex.open(tmp.resolve("data"));
    }

    private static final String DECOY = """
            From: Mallory <mallory@example.net>
            To: linux-mtd@lists.infradead.org
            Subject: [PATCH] mtd: rawnand: harmless cleanup
            Date: Mon, 02 Jan 2023 09:00:00 +0000
            Message-ID: <%s>

            nothing to see here
            """;

    /**
     * The attack of issue 11 point 1: a decoy delivered first with the Message-ID of the real
     * patch. public-inbox-mda keeps the patch under an extra, generated Message-ID header; lore
     * shows both. lorebot indexes both: the patch under that generated id, both found by m:.
     */
    @Test
    void aDecoyDeliveredFirstDoesNotHideTheRealPatch(@TempDir Path tmp) throws Exception {
        PeerCorpus.requireDirectory();
        byte[] patch = PeerCorpus.bytes("crafted-check/plain.eml");
        String patchId = messageIdOf(patch);
        PublicInboxMda mda = PublicInboxMda.create(tmp, "linux-mtd");
        mda.deliver(DECOY.formatted(patchId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mda.deliver(patch);

        try (MailIndex index = open(tmp)) {
            IngestSummary summary = ingest(index, "linux-mtd", mda.inbox());
            assertEquals(2, summary.added(), "public-inbox stores both: " + summary);
            assertEquals(0, summary.duplicates());
            List<String> byId = ids(index, "m:" + patchId);
            assertEquals(2, byId.size(), "m: finds the decoy and the patch by the id they share");
            List<String> patches = ids(index, "dfb:GFP_DMA");
            assertEquals(1, patches.size(), "the real patch is searchable");
            assertNotEquals(patchId, patches.get(0), "indexed under the id public-inbox-mda generated");
            assertTrue(byId.contains(patches.get(0)));
            assertTrue(index.message(patches.get(0)).isPresent());
            assertEquals(List.of(patchId), ids(index, "s:harmless"), "the decoy keeps the id it came first with");
        }
    }

    /** m05, m06 (same id, other content), m07 (identical to m05): public-inbox keeps two. */
    @Test
    void aReusedIdInAnMboxKeepsBothMailsAndStoresATrueDuplicateOnce(@TempDir Path tmp) throws Exception {
        Path mbox = mbox(tmp, "dups.mbox", "public-inbox/crafted/m05-dup-a.eml",
                "public-inbox/crafted/m06-dup-b-different.eml", "public-inbox/crafted/m07-dup-identical.eml");
        try (MailIndex index = open(tmp)) {
            IngestSummary summary = ingest(index, "crafted", mbox);
            assertEquals(2, summary.added(), summary.toString());
            assertEquals(1, summary.duplicates(), "m07 is m05 again");
            assertEquals(2, ids(index, "m:m05@example.org").size());
            List<String> second = ids(index, "m06-dup-b-different");
            assertEquals(1, second.size());
            assertNotEquals("m05@example.org", second.get(0));

            // the same mails again under another file name: the derived id is the same, nothing is added
            Path again = mbox(tmp, "again.mbox", "public-inbox/crafted/m06-dup-b-different.eml",
                    "public-inbox/crafted/m05-dup-a.eml");
            IngestSummary reread = ingest(index, "crafted", again);
            assertEquals(0, reread.added(), reread.toString());
            assertEquals(2, reread.duplicates());
            assertEquals(second, ids(index, "m06-dup-b-different"));
        }
    }

    /** public-inbox's own t/psgi_v2-old.eml and -new.eml: one id, two contents, both shown. */
    @Test
    void publicInboxsOwnReusedIdPairIsKept(@TempDir Path tmp) throws Exception {
        Path mbox = mbox(tmp, "psgi.mbox", "public-inbox/t/psgi_v2-old.eml", "public-inbox/t/psgi_v2-new.eml");
        try (MailIndex index = open(tmp)) {
            assertEquals(2, ingest(index, "t", mbox).added());
            assertEquals(2, ids(index, "m:a@dup").size());
            assertEquals(1, ids(index, "b:old").size());
            assertEquals(1, ids(index, "b:new").size());
        }
    }

    /** m02 (two Message-ID headers), m04 (two ids in one header): m: finds the mail by each. */
    @Test
    void everyIdOfAMailFindsIt(@TempDir Path tmp) throws Exception {
        Path mbox = mbox(tmp, "ids.mbox", "public-inbox/crafted/m02-two-mid-headers.eml",
                "public-inbox/crafted/m04-two-ids-one-header.eml");
        try (MailIndex index = open(tmp)) {
            assertEquals(2, ingest(index, "crafted", mbox).added());
            assertEquals(List.of("m02a@example.org"), ids(index, "m:m02a@example.org"));
            assertEquals(List.of("m02a@example.org"), ids(index, "m:m02b@example.org"));
            assertEquals(List.of("m04a@example.org"), ids(index, "m:m04a@example.org"));
            assertEquals(List.of("m04a@example.org"), ids(index, "m:m04b@example.org"));
        }
    }

    /** m12 (empty Message-ID header) and m01 (none): public-inbox archives both. */
    @Test
    void aMailWithAnEmptyOrNoMessageIdIsArchived(@TempDir Path tmp) throws Exception {
        Path mbox = mbox(tmp, "noid.mbox", "public-inbox/crafted/m12-empty-header.eml",
                "public-inbox/crafted/m01-nomid.eml");
        try (MailIndex index = open(tmp)) {
            IngestSummary summary = ingest(index, "crafted", mbox);
            assertEquals(2, summary.added(), summary.toString());
            assertEquals(0, summary.malformed());
            assertEquals(1, ids(index, "m12-empty-header").size());
            assertEquals(1, ids(index, "m01-nomid").size());
        }
    }

    /**
     * The same Message-ID in two inboxes (a cross-post): public-inbox finds it in each with
     * {@code l:}; lorebot stores it once, under both lists.
     */
    @Test
    void aCrossPostIsFoundUnderEachList(@TempDir Path tmp) throws Exception {
        Path first = mbox(tmp, "first.mbox", "public-inbox/crafted/m05-dup-a.eml", "public-inbox/crafted/m02-two-mid-headers.eml");
        Path second = mbox(tmp, "second.mbox", "public-inbox/crafted/m05-dup-a.eml");
        try (MailIndex index = open(tmp)) {
            ingest(index, "linux-mtd", first);
            IngestSummary cross = ingest(index, "linux-spi", second);
            assertEquals(0, cross.added(), "stored once");
            assertEquals(List.of("m05@example.org"), ids(index, "l:linux-spi"));
            assertEquals(2, ids(index, "l:linux-mtd").size());
            assertEquals(List.of("m05@example.org"), ids(index, "l:linux-mtd AND l:linux-spi"));
            assertTrue(index.lists().containsAll(List.of("linux-mtd", "linux-spi")), index.lists().toString());
            assertEquals(List.of("m05@example.org"), ids(index, "m05-dup-a"), "still one message");
        }
    }

    private static String messageIdOf(byte[] mail) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^Message-ID:\\s*<([^>]+)>")
                .matcher(new String(mail, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertTrue(m.find(), "the patch has a Message-ID");
        return m.group(1);
    }
}
