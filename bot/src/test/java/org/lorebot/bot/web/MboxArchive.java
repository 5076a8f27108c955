package org.lorebot.bot.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;
import org.lorebot.index.fixture.TestIndexes;
import org.lorebot.index.archive.MboxFormat;
import org.lorebot.index.archive.MboxSource;
import org.lorebot.index.ingest.IngestListener;

/** A few messages written as an mbox, ingested by the real index and served on loopback. */
final class MboxArchive implements AutoCloseable {

    final MailIndex index;
    final WebServer server;

    private MboxArchive(MailIndex index, WebServer server) {
        this.index = index;
        this.server = server;
    }

    /** Serves {@code messages} (each a whole message, LF line ends) as list {@code list}. */
    static MboxArchive serve(Path dir, String list, List<String> messages) throws Exception {
        StringBuilder mbox = new StringBuilder();
        for (String m : messages) {
            mbox.append("From mboxrd@z Thu Jan  1 00:00:00 1970\n").append(m).append("\n");
        }
        Path file = dir.resolve(list + ".mbox");
        Files.write(file, mbox.toString().getBytes(StandardCharsets.ISO_8859_1));
        LorebotConfig config = LorebotConfig.parse(dir.resolve("lorebot.conf"), "[core]\n    data = data\n");
        MailIndex index = TestIndexes.open(config.core().data());
        try (MboxSource source = new MboxSource(file, MboxFormat.MBOXRD)) {
            index.ingest(list, source, IngestListener.NONE);
        }
        return new MboxArchive(index, WebServer.start(index, config, new InetSocketAddress("127.0.0.1", 0), List.of()));
    }

    /** {@code http://127.0.0.1:PORT} */
    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() throws IOException {
        server.close();
        index.close();
    }
}
