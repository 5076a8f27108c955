package org.lorebot.index.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.util.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.GitArchiveSource;
import org.lorebot.index.fixture.PublicInboxFixtures;
import org.lorebot.index.ingest.IngestListener;

/**
 * Where zstd's C library cannot be loaded (here: {@code java.io.tmpdir}, where zstd-jni unpacks
 * it, is not a directory; likewise a noexec /tmp or a platform without a build), lorebot says so
 * once and compresses with zstd in Java: the index it writes holds the same documents as one
 * written with the library, and each reads the other's (this JVM, having loaded the library,
 * with the library; the other with zstd in Java).
 */
class NativeFallbackTest {

    private static final String WARNING = "zstd's native library did not load";

    @Test
    void aJvmWithoutTheLibraryWritesAndReadsTheSameIndex(@TempDir Path tmp) throws Exception {
        Path inbox = PublicInboxFixtures.v2();
        Path withLibrary = tmp.resolve("with-library");
        try (MailIndex index = MailIndex.open(withLibrary);
                GitArchiveSource source = GitArchiveSource.v2Inbox(inbox)) {
            index.ingest("lkml", source, new IngestListener() { });
        }
        assertTrue(Native.isLoaded(), "this JVM compressed with zstd's C library");
        Map<String, List<String>> expected = StoredDocuments.of(withLibrary);
        assertEquals(PublicInboxFixtures.MESSAGES, expected.size());

        Path notADirectory = Files.writeString(tmp.resolve("tmpdir"), "a file");
        Path withoutLibrary = tmp.resolve("without-library");
        Path log = tmp.resolve("child.log");
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + notADirectory,
                "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
                "-cp", System.getProperty("java.class.path"), WithoutNativeZstd.class.getName(),
                withoutLibrary.toString(), inbox.toString(), withLibrary.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), String.join("\n", output));

        assertEquals(1, output.stream().filter(line -> line.contains(WARNING)).count(),
                String.join("\n", output));
        assertEquals(lines(expected), output.stream()
                .filter(line -> !line.contains(WARNING) && line.contains("\t")).toList(),
                "what the JVM without the library read of the index written with it");
        assertEquals(expected, StoredDocuments.of(withoutLibrary),
                "what this JVM read of the index written without the library");
    }

    private static List<String> lines(Map<String, List<String>> documents) {
        return documents.entrySet().stream()
                .map(document -> document.getKey() + "\t" + document.getValue())
                .collect(Collectors.toList());
    }
}
