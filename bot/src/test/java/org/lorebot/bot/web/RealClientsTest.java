package org.lorebot.bot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.cli.Lorebot;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.ArchiveSources;
import org.lorebot.index.fixture.PublicInboxFixtures;
import org.lorebot.index.ingest.IngestListener;
import org.lorebot.index.search.SearchHit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/**
 * The clients kernel people point at lore, pointed at {@code lorebot serve} instead: the real
 * git, b4 and a second lorebot, over the 200-message inbox public-inbox-mda wrote.
 */
class RealClientsTest {

    private static final String LIST = "lkml";
    private static final Pattern COVER = Pattern.compile("\\[PATCH (?:v\\d+ )?0/([3-9])\\] .*");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*<([^>]+)>");

    @TempDir
    static Path tmp;
    private static Path source;
    private static MailIndex index;
    private static WebServer server;
    private static String base;

    @BeforeAll
    static void serveThePublicInboxFixture() throws Exception {
        source = PublicInboxFixtures.extractV2(tmp.resolve("source"));
        LorebotConfig config = LorebotConfig.parse(tmp.resolve("lorebot.conf"), "[core]\n    data = data\n"
                + "[inbox \"" + LIST + "\"]\n    path = " + source + "\n");
        index = MailIndex.open(config.core().data());
        try (ArchiveSource archive = ArchiveSources.open(source)) {
            index.ingest(LIST, archive, IngestListener.NONE);
        }
        server = WebServer.start(index, config, new InetSocketAddress("127.0.0.1", 0), List.of());
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (index != null) {
            index.close();
        }
    }

    @Test
    void gitCloneOfEachEpochUrlEqualsTheSourceEpoch() throws Exception {
        Tool.require("git");
        Path epoch = source.resolve("git/0.git");
        String expected = objects(epoch);
        for (String url : List.of(base + "/" + LIST + "/0", base + "/" + LIST + "/git/0.git")) {
            Path clone = Files.createTempDirectory(tmp, "clone");
            Tool.run(tmp, "git", "clone", "--quiet", "--bare", url, clone.toString()).ok();
            assertEquals(refs(epoch), refs(clone), url);
            assertEquals(expected, objects(clone), url);
            Tool.run(clone, "git", "fsck", "--strict").ok();
        }
        Tool push = Tool.run(tmp, "git", "--git-dir=" + epoch, "push", base + "/" + LIST + "/0", "HEAD:refs/heads/evil");
        assertNotEquals(0, push.exit(), "nothing can be pushed");
        assertEquals(1, refs(epoch).lines().count(), "the source is untouched");
        assertEquals(404, Http.get(base + "/" + LIST + "/7/info/refs?service=git-upload-pack").statusCode());
    }

    @Test
    void manifestFingerprintsEachEpochAsGrokmirror() throws Exception {
        Tool.require("git");
        HttpResponse<byte[]> r = Http.get(base + "/manifest.js.gz");
        assertEquals(200, r.statusCode());
        JsonNode manifest = new ObjectMapper().readTree(new GZIPInputStream(new ByteArrayInputStream(r.body())));
        JsonNode epoch = manifest.get("/" + LIST + "/git/0.git");
        assertTrue(epoch != null && manifest.size() == 1, manifest.toString());
        String showRef = Tool.run(tmp, "git", "--git-dir=" + source.resolve("git/0.git"), "show-ref").ok();
        String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(showRef.getBytes(StandardCharsets.UTF_8)));
        assertEquals(sha1, epoch.get("fingerprint").asText());
        assertTrue(epoch.get("modified").asLong() > 1_600_000_000L, epoch.toString());
        assertEquals(manifest, new ObjectMapper().readTree(new GZIPInputStream(new ByteArrayInputStream(
                Http.get(base + "/" + LIST + "/manifest.js.gz").body()))), "the inbox's own manifest");
    }

    @Test
    void aSecondLorebotMirrorsFromTheFirstAndIngestsTheSameMessages() throws Exception {
        Path conf = tmp.resolve("second.conf");
        Files.writeString(conf, "[core]\n    data = second\n[inbox \"" + LIST + "\"]\n    url = "
                + base + "/" + LIST + "\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Lorebot.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(0, cl.execute("fetch", "--config", conf.toString()), out + "\n" + err);
        assertTrue(out.toString().contains(LIST + ": git/0.git cloned from " + base + "/" + LIST + "/0"), out.toString());
        try (MailIndex second = MailIndex.open(tmp.resolve("second"))) {
            assertEquals(messageIds(index), messageIds(second));
        }
    }

    @Test
    void b4AmAndMboxGiveTheSeriesOfLorebotsThreadMbox() throws Exception {
        Tool.require("b4");
        Tool.require("git");
        SearchHit cover = index.search("l:" + LIST, 0, 1000).hits().stream()
                .filter(h -> COVER.matcher(h.subject()).matches())
                .min((a, b) -> a.messageId().compareTo(b.messageId())).orElseThrow();
        int parts = Integer.parseInt(COVER.matcher(cover.subject()).replaceFirst("$1"));
        Path home = Files.createDirectories(tmp.resolve("b4-home"));
        Path gitconfig = home.resolve(".gitconfig");
        Files.writeString(gitconfig, "[user]\n\tname = Test\n\temail = test@example.org\n[b4]\n\tmidmask = "
                + base + "/" + LIST + "/%s\n\tlinkmask = " + base + "/r/%s\n");
        Map<String, String> env = Map.of("HOME", home.toString(), "GIT_CONFIG_GLOBAL", gitconfig.toString(),
                "XDG_CACHE_HOME", home.resolve("cache").toString());

        byte[] tmbox = gunzip(Http.get(base + "/" + LIST + "/" + PercentCoding.encode(cover.messageId())
                + "/t.mbox.gz").body());
        Path tmboxFile = tmp.resolve("t.mbox");
        Files.write(tmboxFile, tmbox);

        Path am = Files.createDirectories(tmp.resolve("b4-am"));
        Tool.run(am, env, List.of("b4", "--no-interactive", "am", "--no-cache", "--outdir", am.toString(),
                cover.messageId())).ok();
        Path series;
        try (var files = Files.list(am)) {
            series = files.filter(p -> p.toString().endsWith(".mbx") && !p.toString().endsWith(".cover"))
                    .filter(p -> !p.getFileName().toString().contains("cover")).findFirst().orElseThrow();
        }
        Set<String> fromB4 = patchIds(series);
        assertEquals(parts, fromB4.size(), "b4 am found every part of " + cover.subject());
        assertEquals(patchIds(tmboxFile), fromB4, "b4 am's patches are those in t.mbox.gz");

        Path mbox = Files.createDirectories(tmp.resolve("b4-mbox"));
        Tool.run(mbox, env, List.of("b4", "--no-interactive", "mbox", "--no-cache", "--outdir", mbox.toString(),
                cover.messageId())).ok();
        Path thread;
        try (var files = Files.list(mbox)) {
            thread = files.filter(p -> p.toString().endsWith(".mbx")).findFirst().orElseThrow();
        }
        assertEquals(ids(new String(tmbox, StandardCharsets.UTF_8)), ids(Files.readString(thread)));
    }

    private static String refs(Path gitDir) throws Exception {
        return Tool.run(tmp, "git", "--git-dir=" + gitDir, "for-each-ref", "--format=%(objectname) %(refname)").ok();
    }

    private static String objects(Path gitDir) throws Exception {
        return Tool.run(tmp, "git", "--git-dir=" + gitDir, "rev-list", "--objects", "--all").ok()
                .lines().sorted().collect(Collectors.joining("\n"));
    }

    private static Set<String> patchIds(Path mbox) throws Exception {
        Tool ids = Tool.run(tmp, Map.of(), List.of("sh", "-c", "git patch-id --stable < '" + mbox + "'"));
        return ids.ok().lines().map(l -> l.split(" ")[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> messageIds(MailIndex index) throws Exception {
        return index.search("l:" + LIST, 0, 1000).hits().stream().map(SearchHit::messageId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> ids(String mbox) {
        Set<String> ids = new TreeSet<>();
        Matcher m = MESSAGE_ID.matcher(mbox);
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertFalse(ids.isEmpty());
        return ids;
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }
}
