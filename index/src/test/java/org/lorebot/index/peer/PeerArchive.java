package org.lorebot.index.peer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.ArchiveSources;
import org.lorebot.index.fixture.PeerCorpus;
import org.lorebot.index.ingest.IngestListener;
import org.lorebot.index.ingest.IngestSummary;
import org.lorebot.index.search.SearchHit;

/** Peer-corpus mails written into an mbox and ingested, and searches over the result. */
final class PeerArchive {

    private PeerArchive() {
    }

    /** An mbox holding the named corpus files, in order, as an mbox writer separates them. */
    static Path mbox(Path dir, String name, String... files) throws IOException {
        Path mbox = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(mbox)) {
            for (String file : files) {
                byte[] mail = PeerCorpus.bytes(file);
                out.write("From peer@example.org Mon Jan  2 10:00:00 2023\n".getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII));
                out.write(mboxrdEscaped(mail));
                out.write('\n');
            }
        }
        return mbox;
    }

    private static byte[] mboxrdEscaped(byte[] mail) {
        String text = new String(mail, java.nio.charset.StandardCharsets.ISO_8859_1);
        text = text.replaceAll("(?m)^(>*From )", ">$1");
        if (!text.endsWith("\n")) {
            text += "\n";
        }
        return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static IngestSummary ingest(MailIndex index, String list, Path source) throws IOException {
        return index.ingest(list, ArchiveSources.open(source), IngestListener.NONE);
    }

    /** The Message-IDs a query finds, newest first. */
    static List<String> ids(MailIndex index, String query) throws Exception {
        List<String> ids = new ArrayList<>();
        for (SearchHit hit : index.search(query, 0, 100).hits()) {
            ids.add(hit.messageId());
        }
        return ids;
    }
}
