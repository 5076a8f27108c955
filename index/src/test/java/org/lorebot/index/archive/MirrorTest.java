package org.lorebot.index.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.fixture.InboxCommits;
import org.lorebot.index.fixture.PublicInboxFixtures;

/**
 * Mirrors inboxes from a real git smart-HTTP server on loopback (C git's http-backend), laid out
 * as lore serves them ({@code URL/N}) and as inbox directories ({@code URL/git/N.git}).
 */
class MirrorTest {

    private static final byte[] NEW_MESSAGE = ("From: Late Sender <late@example.org>\n"
            + "Message-ID: <late-1@example.org>\nSubject: Re: late reply\n\nhello\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;
    private GitHttpBackendServer server;
    private Path served;

    @BeforeEach
    void serveTheFixtureAsTwoEpochs() throws IOException {
        served = tmp.resolve("served");
        Path inbox = PublicInboxFixtures.extractV2(tmp.resolve("unpacked"));
        Files.createDirectories(served.resolve("lkml"));
        Files.move(inbox.resolve("git/0.git"), served.resolve("lkml/0"));
        Path epoch1 = served.resolve("lkml/1");
        try (Repository repo = new FileRepositoryBuilder().setGitDir(epoch1.toFile()).setBare().build()) {
            repo.create(true);
        }
        InboxCommits.v2(epoch1, "m", "Message-ID: <epoch1-first@example.org>\n\nfirst of epoch 1\n"
                .getBytes(StandardCharsets.UTF_8));
        server = GitHttpBackendServer.start(served);
        Assumptions.assumeTrue(server != null, "skipped: git http-backend not installed");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void clonesEveryEpochThenFetchesOnlyNewCommits() throws IOException {
        Path mirrorDir = tmp.resolve("mirror");
        Mirror mirror = new Mirror(server.baseUrl() + "/lkml/", mirrorDir);
        List<String> tasks = new ArrayList<>();

        List<MirrorUpdate> first = mirror.update(recording(tasks));

        assertEquals(List.of("git/0.git", "git/1.git"), first.stream().map(MirrorUpdate::epoch).toList());
        assertEquals(server.baseUrl() + "/lkml/0", first.get(0).url());
        assertTrue(first.stream().allMatch(u -> u.before() == null && u.changed()));
        assertTrue(tasks.contains("Cloning git/0.git from " + server.baseUrl() + "/lkml/0"), tasks.toString());
        assertTrue(tasks.contains("Receiving objects"), "JGit's transfer progress: " + tasks);
        assertEquals(InboxCommits.tip(served.resolve("lkml/0")).name(), first.get(0).after());

        RecordingVisitor all = read(mirrorDir, Map.of());
        assertEquals(PublicInboxFixtures.MESSAGES + 1, all.entries.size());
        assertEquals(List.of(), all.problems);
        Map<String, String> cursor = Map.of(
                "git/0.git", first.get(0).after(), "git/1.git", first.get(1).after());

        ObjectId added = InboxCommits.v2(served.resolve("lkml/1"), "m", NEW_MESSAGE);
        Set<Path> packsBefore = packs(mirrorDir.resolve("git/1.git"));

        List<MirrorUpdate> second = mirror.update(NullProgressMonitor.INSTANCE);

        assertFalse(second.get(0).changed(), "epoch 0 did not move");
        assertTrue(second.get(1).changed());
        assertEquals(first.get(1).after(), second.get(1).before());
        assertEquals(added.name(), second.get(1).after());
        Set<Path> newPacks = packs(mirrorDir.resolve("git/1.git"));
        newPacks.removeAll(packsBefore);
        assertEquals(1, newPacks.size(), "one pack came");
        assertEquals(3, PackIndex.open(newPacks.iterator().next().toFile()).getObjectCount(),
                "only the new commit, its tree and its message travelled");

        RecordingVisitor incremental = read(mirrorDir, cursor);
        assertEquals(1, incremental.entries.size());
        assertArrayEquals(NEW_MESSAGE, incremental.entries.get(0).raw());
    }

    @Test
    void acceptsTheInboxDirectoryLayout(@TempDir Path other) throws IOException {
        Path gitLayout = served.resolve("inbox/git");
        Files.createDirectories(gitLayout);
        Files.move(served.resolve("lkml/0"), gitLayout.resolve("0.git"));
        Path mirrorDir = other.resolve("mirror");

        List<MirrorUpdate> updates = new Mirror(server.baseUrl() + "/inbox", mirrorDir).update(NullProgressMonitor.INSTANCE);

        assertEquals(1, updates.size());
        assertEquals(server.baseUrl() + "/inbox/git/0.git", updates.get(0).url());
        assertEquals(PublicInboxFixtures.MESSAGES, read(mirrorDir, Map.of()).entries.size());
        assertNull(updates.get(0).before());
        assertNotNull(updates.get(0).after());
    }

    @Test
    void namesTheUrlWhenThereIsNoInbox() {
        IOException e = assertThrows(IOException.class,
                () -> new Mirror(server.baseUrl() + "/nothing", tmp.resolve("m")).update(NullProgressMonitor.INSTANCE));
        assertTrue(e.getMessage().contains(server.baseUrl() + "/nothing/0"), e.getMessage());
    }

    @Test
    void anUnreachableServerIsAnErrorNotAnEmptyInbox() throws IOException {
        String url;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            url = "http://127.0.0.1:" + closed.getLocalPort() + "/lkml";
        } // the port is free again: nothing listens there
        String unreachable = url;
        IOException e = assertThrows(IOException.class,
                () -> new Mirror(unreachable, tmp.resolve("m")).update(NullProgressMonitor.INSTANCE));
        assertTrue(e.getMessage().contains("cannot reach " + unreachable + "/0"), e.getMessage());
    }

    private static RecordingVisitor read(Path mirrorDir, Map<String, String> cursor) throws IOException {
        RecordingVisitor visitor = new RecordingVisitor();
        try (ArchiveSource source = ArchiveSources.open(mirrorDir)) {
            source.read(cursor, visitor);
        }
        return visitor;
    }

    private static Set<Path> packs(Path gitDir) throws IOException {
        try (Stream<Path> files = Files.list(gitDir.resolve("objects/pack"))) {
            return new HashSet<>(files.filter(p -> p.toString().endsWith(".idx")).toList());
        }
    }

    /** Keeps the task titles, as a terminal progress display would print them. */
    private static ProgressMonitor recording(List<String> tasks) {
        return new ProgressMonitor() {
            @Override
            public void start(int totalTasks) {
            }

            @Override
            public void beginTask(String title, int totalWork) {
                tasks.add(title);
            }

            @Override
            public void update(int completed) {
            }

            @Override
            public void endTask() {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public void showDuration(boolean enabled) {
            }
        };
    }
}
