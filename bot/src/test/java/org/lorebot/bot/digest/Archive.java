package org.lorebot.bot.digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.lorebot.index.MailIndex;
import org.lorebot.index.fixture.TestIndexes;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.ArchiveSources;
import org.lorebot.index.ingest.IngestListener;

/**
 * A real index fed from mbox files, one per list, the way mail arrives: each post appends to
 * the list's mbox and ingests what is new.
 */
final class Archive implements AutoCloseable {

    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Path dir;
    private final MailIndex index;

    Archive(Path dir) throws IOException {
        this.dir = dir;
        this.index = TestIndexes.open(dir.resolve("data"));
    }

    MailIndex index() {
        return index;
    }

    /** Posts a message to a list and ingests it. */
    void post(String list, String raw) throws IOException {
        Path mbox = dir.resolve(list + ".mbox");
        String entry = "From mboxrd@z Thu Jan  1 00:00:00 1970\n" + raw.replace("\r\n", "\n")
                .replaceAll("(?m)^(>*From )", ">$1") + "\n";
        Files.writeString(mbox, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        try (ArchiveSource source = ArchiveSources.open(mbox)) {
            index.ingest(list, source, IngestListener.NONE);
        }
    }

    static String message(String id, String from, String to, String subject, Instant date, String inReplyTo,
                          String body) {
        StringBuilder sb = new StringBuilder();
        sb.append("From: ").append(from).append('\n');
        sb.append("To: ").append(to).append('\n');
        sb.append("Subject: ").append(subject).append('\n');
        sb.append("Date: ").append(DATE.format(date)).append('\n');
        sb.append("Message-ID: <").append(id).append(">\n");
        if (inReplyTo != null) {
            sb.append("In-Reply-To: <").append(inReplyTo).append(">\n");
            sb.append("References: <").append(inReplyTo).append(">\n");
        }
        sb.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n");
        return sb.append(body).toString();
    }

    /** A one-file patch as git format-patch writes it. */
    static String diff(String path, String removed, String added) {
        return "Replace the allocation.\n\n"
                + "Signed-off-by: Dev One <dev@example.net>\n"
                + "---\n"
                + " " + path + " | 2 +-\n"
                + " 1 file changed, 1 insertion(+), 1 deletion(-)\n"
                + "\n"
                + "diff --git a/" + path + " b/" + path + "\n"
                + "index 1111111..2222222 100644\n"
                + "--- a/" + path + "\n"
                + "+++ b/" + path + "\n"
                + "@@ -10,3 +10,3 @@ static int foo_probe(struct device *dev)\n"
                + " \tint ret;\n"
                + "-" + removed + "\n"
                + "+" + added + "\n"
                + " \treturn 0;\n"
                + "-- \n"
                + "2.43.0\n";
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
