package org.lorebot.index.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.fixture.InboxCommits;
import org.lorebot.index.fixture.PublicInboxFixtures;
import org.lorebot.index.fixture.TestDirectories;

class ArchiveSourcesTest {

    @Test
    void recognisesEachKindOfArchive() throws IOException {
        try (ArchiveSource v2 = ArchiveSources.open(PublicInboxFixtures.v2())) {
            assertTrue(v2.describe().startsWith("public-inbox v2 inbox"), v2.describe());
            assertEquals(List.of("git/0.git"), ((GitArchiveSource) v2).epochs());
        }
        try (ArchiveSource epoch = ArchiveSources.open(PublicInboxFixtures.v2Epoch())) {
            assertTrue(epoch.describe().startsWith("public-inbox v2 epoch"), epoch.describe());
            assertEquals(List.of("git/0.git"), ((GitArchiveSource) epoch).epochs(), "same cursor key as the inbox");
        }
        try (ArchiveSource v1 = ArchiveSources.open(PublicInboxFixtures.v1())) {
            assertTrue(v1.describe().startsWith("public-inbox v1 inbox"), v1.describe());
        }
        try (ArchiveSource mbox = ArchiveSources.open(PublicInboxFixtures.sourceMbox(PublicInboxFixtures.v2()))) {
            assertInstanceOf(MboxSource.class, mbox);
        }
    }

    @Test
    void recognisesAV1RepositoryByItsPathsAlone(@TempDir Path tmp) throws IOException {
        Path v1 = PublicInboxFixtures.extractV1(tmp);
        TestDirectories.deleteTree(v1.resolve("public-inbox"));
        try (ArchiveSource source = ArchiveSources.open(v1)) {
            assertTrue(source.describe().startsWith("public-inbox v1 inbox"), source.describe());
            assertEquals(PublicInboxFixtures.MESSAGES, source.estimate(Map.of()));
        }
    }

    @Test
    void refusesWhatIsNoArchiveNamingThePath(@TempDir Path tmp) throws IOException {
        Path missing = tmp.resolve("nothing-here");
        assertMessage(missing, "archive not found: " + missing);

        Path text = Files.writeString(tmp.resolve("notes.txt"), "Subject: not an mbox\n");
        assertMessage(text, "not an mbox");

        Path dir = Files.createDirectories(tmp.resolve("plain-dir"));
        assertMessage(dir, "is neither a public-inbox v2 inbox");

        Path repo = tmp.resolve("code.git");
        try (Repository r = new FileRepositoryBuilder().setGitDir(repo.toFile()).setBare().build()) {
            r.create(true);
        }
        assertMessage(repo, "cannot tell a v1 inbox from a v2 epoch");
        InboxCommits.v2(repo, "README", "hello\n".getBytes(StandardCharsets.UTF_8));
        assertMessage(repo, "tip holds neither");
    }

    private static void assertMessage(Path path, String expected) {
        IOException e = assertThrows(IOException.class, () -> ArchiveSources.open(path).close());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(path.toString()), "names the path: " + e.getMessage());
    }
}
