package org.lorebot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LorebotConfigTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("lorebot.conf");
        Files.writeString(file, text);
        return file;
    }

    private LorebotConfig load(String text) throws Exception {
        return LorebotConfig.load(write(text));
    }

    private ConfigException failure(String text) throws IOException {
        Path file = write(text);
        return assertThrows(ConfigException.class, () -> LorebotConfig.load(file));
    }

    @Test
    void emptyFileGivesEveryDocumentedDefault() throws Exception {
        LorebotConfig c = load("");
        assertEquals(dir.resolve("lorebot.conf"), c.source());
        assertEquals(dir.resolve("lorebot-data"), c.core().data());
        assertEquals(List.of(), c.inboxes());

        ReviewConfig r = c.review();
        assertEquals(List.of(), r.lists());
        assertEquals(Optional.empty(), r.since());
        assertEquals("warning", r.minSeverity());
        assertEquals(Duration.ofMinutes(10), r.grace());
        assertEquals(Duration.ZERO, r.embargo());
        assertEquals(List.of(), r.ignoreSenders());
        assertEquals(List.of(), r.maintainers());
        assertEquals(20, r.maxPerHour());
        assertEquals(50, r.maxPerListPerDay());
        assertFalse(r.noteRepeats());
        assertEquals(Duration.ofSeconds(60), r.pollInterval());

        assertEquals(DeliveryConfig.Mode.DRY_RUN, c.delivery().mode());
        assertEquals(dir.resolve("lorebot-data/outbox"), c.delivery().outbox());
        assertEquals("lorebot <lorebot@localhost>", c.delivery().from());

        SmtpConfig s = c.smtp();
        assertEquals("localhost", s.host());
        assertEquals(587, s.port());
        assertEquals(SmtpConfig.Security.STARTTLS, s.security());
        assertEquals("", s.user());
        assertNull(s.passwordFile());
        assertEquals("", s.passwordEnv());

        assertEquals("", c.web().listen());
        assertFalse(c.web().enabled());
    }

    @Test
    void builtInDefaultsMatchAnEmptyFile() throws Exception {
        LorebotConfig fromFile = load("");
        LorebotConfig builtIn = LorebotConfig.defaults(dir.resolve("lorebot-data"));
        assertNull(builtIn.source());
        assertEquals(fromFile.core(), builtIn.core());
        assertEquals(fromFile.review(), builtIn.review());
        assertEquals(fromFile.delivery(), builtIn.delivery());
        assertEquals(fromFile.smtp(), builtIn.smtp());
        assertEquals(fromFile.web(), builtIn.web());
    }

    @Test
    void realisticFullConfig() throws Exception {
        LorebotConfig c = load("""
                # lorebot on the mm and mtd lists
                [core]
                    data = /srv/lorebot
                [inbox "linux-mm"]
                    url = https://lore.kernel.org/linux-mm/
                    address = linux-mm@kvack.org
                [inbox "linux-mtd"]
                    path = mirrors/linux-mtd        ; a v2 inbox cloned by hand
                    url = https://lore.kernel.org/linux-mtd
                    address = Linux-MTD@lists.infradead.org
                    reply-to = author
                [review]
                    lists = linux-mm, linux-mtd
                    since = 2024-05-01
                    min-severity = error
                    grace = 1h30m
                    embargo = 2h
                    ignore-sender = bot@example.org
                    ignore-sender = lkp@intel.com, noreply@kernel.org
                    maintainer = akpm@linux-foundation.org
                    max-per-hour = 5
                    max-per-list-per-day = 12
                    note-repeats = yes
                    poll-interval = 5m
                [delivery]
                    mode = send
                    outbox = "/var/spool/lorebot outbox"
                    from = "lorebot (DMA review)" <lorebot@example.org>
                [smtp]
                    host = smtp.example.org
                    security = smtps
                    user = lorebot
                    password-env = LOREBOT_SMTP_PASSWORD
                [web]
                    listen = 127.0.0.1:8080
                    url = https://lore.example.org/
                """);
        assertEquals(Path.of("/srv/lorebot"), c.core().data());
        assertEquals(2, c.inboxes().size());
        InboxConfig mm = c.inboxes().get(0);
        assertEquals("linux-mm", mm.name());
        assertEquals(Path.of("/srv/lorebot/mirrors/linux-mm"), mm.path());
        assertEquals(URI.create("https://lore.kernel.org/linux-mm"), mm.url());
        assertEquals("linux-mm@kvack.org", mm.address());
        assertEquals(InboxConfig.ReplyTo.ALL, mm.replyTo());
        InboxConfig mtd = c.inbox("linux-mtd").orElseThrow();
        assertEquals(dir.resolve("mirrors/linux-mtd"), mtd.path());
        assertEquals("linux-mtd@lists.infradead.org", mtd.address());
        assertEquals(InboxConfig.ReplyTo.AUTHOR, mtd.replyTo());
        assertTrue(c.inbox("linux-kernel").isEmpty());

        ReviewConfig r = c.review();
        assertEquals(List.of("linux-mm", "linux-mtd"), r.lists());
        assertTrue(r.mayPostTo("linux-mtd"));
        assertEquals(Optional.of(Instant.parse("2024-05-01T00:00:00Z")), r.since());
        assertEquals("error", r.minSeverity());
        assertEquals(Duration.ofMinutes(90), r.grace());
        assertEquals(Duration.ofHours(2), r.embargo());
        assertEquals(List.of("bot@example.org", "lkp@intel.com", "noreply@kernel.org"), r.ignoreSenders());
        assertEquals(List.of("akpm@linux-foundation.org"), r.maintainers());
        assertEquals(5, r.maxPerHour());
        assertEquals(12, r.maxPerListPerDay());
        assertTrue(r.noteRepeats());
        assertEquals(Duration.ofMinutes(5), r.pollInterval());

        assertEquals(DeliveryConfig.Mode.SEND, c.delivery().mode());
        assertEquals(Path.of("/var/spool/lorebot outbox"), c.delivery().outbox());
        assertEquals("lorebot (DMA review) <lorebot@example.org>", c.delivery().from());

        assertEquals(new SmtpConfig("smtp.example.org", 465, SmtpConfig.Security.SMTPS, "lorebot",
                null, "LOREBOT_SMTP_PASSWORD"), c.smtp());
        assertTrue(c.smtp().authenticates());
        assertEquals("127.0.0.1:8080", c.web().listen());
        assertEquals(URI.create("https://lore.example.org"), c.web().url(), "without the trailing slash");
    }

    @Test
    void relativePathsAreTakenFromTheConfigFilesDirectory() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("etc"));
        Path file = sub.resolve("lorebot.conf");
        Files.writeString(file, """
                [core]
                    data = ../var/lorebot
                [inbox "linux-mtd"]
                    path = mirrors/linux-mtd
                [delivery]
                    outbox = spool
                [smtp]
                    user = bot
                    password-file = secret/smtp
                """);
        LorebotConfig c = LorebotConfig.load(file);
        assertEquals(dir.resolve("var/lorebot"), c.core().data());
        assertEquals(sub.resolve("mirrors/linux-mtd"), c.inbox("linux-mtd").orElseThrow().path());
        assertEquals(sub.resolve("spool"), c.delivery().outbox());
        assertEquals(sub.resolve("secret/smtp"), c.smtp().passwordFile());
    }

    @Test
    void homeDirectoryIsExpanded() throws Exception {
        LorebotConfig c = load("[core]\n data = ~/lorebot\n");
        assertEquals(Path.of(System.getProperty("user.home"), "lorebot"), c.core().data());
    }

    @Test
    void commandLineDataDirectoryBeatsCoreDataAndMovesDerivedDefaults() throws Exception {
        Path file = write("[core]\n data = elsewhere\n[inbox \"linux-mm\"]\n url = https://lore.kernel.org/linux-mm\n");
        Path data = dir.resolve("cli-data");
        LorebotConfig c = LorebotConfig.load(file, data);
        assertEquals(data, c.core().data());
        assertEquals(data.resolve("mirrors/linux-mm"), c.inbox("linux-mm").orElseThrow().path());
        assertEquals(data.resolve("outbox"), c.delivery().outbox());
    }

    @Test
    void sectionAndKeyNamesAreCaseInsensitiveSubsectionsAreNot() throws Exception {
        LorebotConfig c = load("[REVIEW]\n Max-Per-Hour = 3\n[Inbox \"Linux-MM\"]\n PATH = /m\n");
        assertEquals(3, c.review().maxPerHour());
        assertTrue(c.inbox("Linux-MM").isPresent());
        assertTrue(c.inbox("linux-mm").isEmpty());
    }

    @Test
    void multiValuedKeysCollectEveryLineAndSplitOnCommasAndBlanks() throws Exception {
        LorebotConfig c = load("""
                [inbox "a"]
                    path = /a
                    address = a@example.org
                [inbox "b"]
                    path = /b
                    address = b@example.org
                [inbox "c"]
                    path = /c
                    address = c@example.org
                [review]
                    lists = a
                    lists = b c
                    lists = c,a
                    maintainer = X@Example.org
                    maintainer = y@example.org, x@example.org
                """);
        assertEquals(List.of("a", "b", "c"), c.review().lists());
        assertEquals(List.of("x@example.org", "y@example.org"), c.review().maintainers());
    }

    @Test
    void quotingEscapesAndContinuationsFollowGit() throws Exception {
        LorebotConfig c = load("""
                [delivery]
                    from = "Lore \\"the\\" bot" <bot@example.org> ; comment
                [smtp]
                    host = smtp.\\
                example.org
                    port = 2525 # comment
                """);
        assertEquals("Lore \"the\" bot <bot@example.org>", c.delivery().from());
        assertEquals("smtp.example.org", c.smtp().host());
        assertEquals(2525, c.smtp().port());
    }

    @Test
    void portFollowsSecurityUnlessGiven() throws Exception {
        assertEquals(465, load("[smtp]\n security = smtps\n").smtp().port());
        assertEquals(25, load("[smtp]\n security = none\n").smtp().port());
        assertEquals(2525, load("[smtp]\n security = none\n port = 2525\n").smtp().port());
    }

    @Test
    void sinceAcceptsDatesAndDateTimes() throws Exception {
        assertEquals(Instant.parse("2024-05-01T12:00:00Z"),
                load("[review]\n since = 2024-05-01T12:00:00Z\n").review().since().orElseThrow());
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"),
                load("[review]\n since = 2024-05-01T12:00+02:00\n").review().since().orElseThrow());
        assertEquals(Instant.parse("2024-05-01T12:30:00Z"),
                load("[review]\n since = 2024-05-01 12:30\n").review().since().orElseThrow());
        assertTrue(load("[review]\n since =\n").review().since().isEmpty());
    }

    @Test
    void bareBooleanKeyMeansTrue() throws Exception {
        assertTrue(load("[review]\n note-repeats\n").review().noteRepeats());
        assertFalse(load("[review]\n note-repeats = off\n").review().noteRepeats());
    }

    @Test
    void errorMessageNamesFileLineAndKey() throws Exception {
        ConfigException e = failure("[core]\n data = x\n\n[review]\n  grace = 5m\n\n  min-severity = high\n");
        assertEquals(dir.resolve("lorebot.conf"), e.file());
        assertEquals(7, e.line());
        assertEquals("review.min-severity", e.key());
        assertEquals(dir.resolve("lorebot.conf") + ":7: review.min-severity: 'high' is not one of info, warning, error",
                e.getMessage());
    }

    @Test
    void indexIsLocalLuceneUnlessSolrIsConfigured() throws Exception {
        assertEquals(IndexConfig.defaults(), load("").index());
        IndexConfig zk = load("[index]\n backend = solr\n solr-zk = zk1:2181,zk2:2181/solr\n"
                + " collection = lore\n shards = 4\n replicas = 2\n").index();
        assertEquals(IndexConfig.solrCloud("zk1:2181,zk2:2181/solr", "lore", 4, 2), zk);
        IndexConfig node = load("[index]\n backend = solr\n solr-url = http://solr1:8983/solr/\n").index();
        assertEquals(IndexConfig.solrNode(URI.create("http://solr1:8983/solr"),
                IndexConfig.DEFAULT_COLLECTION, 1, 1), node);
    }

    @Test
    void badIndexSettingsNameFileLineAndKey() throws Exception {
        assertBad("[index]\n backend = xapian\n", 2, "index.backend", "not one of lucene, solr");
        assertBad("[index]\n backend = solr\n", 2, "index.backend", "needs index.solr-zk");
        assertBad("[index]\n solr-zk = zk1\n", 2, "index.solr-zk", "not a ZooKeeper host list");
        assertBad("[index]\n solr-url = solr1:8983\n", 2, "index.solr-url", "http");
        assertBad("[index]\n solr-zk = zk:2181\n solr-url = http://s:8983/solr\n", 3,
                "index.solr-url", "give one");
        assertBad("[index]\n collection = a/b\n", 2, "index.collection", "not a collection name");
        assertBad("[index]\n shards = 0\n", 2, "index.shards", "out of range");
        assertBad("[index]\n replicas = two\n", 2, "index.replicas", "not a whole number");
    }

    private void assertBad(String text, int line, String key, String problemPart) throws IOException {
        ConfigException e = failure(text);
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("lorebot.conf") + ":" + line + ": " + key + ": "),
                e.getMessage());
        assertTrue(e.problem().contains(problemPart), e.getMessage());
    }

    @Test
    void everyBadValueNamesFileLineAndKey() throws Exception {
        assertBad("[core]\n data =\n", 2, "core.data", "no value");
        assertBad("[inbox \"mm\"]\n path = /x\n url = ftp://example.org/mm\n", 3, "inbox.mm.url", "http");
        assertBad("[inbox \"mm\"]\n path = /x\n url = https://exa mple.org\n", 3, "inbox.mm.url", "not a URL");
        assertBad("[inbox \"mm\"]\n path = /x\n address = not-an-address\n", 3, "inbox.mm.address", "not a mail address");
        assertBad("[inbox \"mm\"]\n path = /x\n reply-to = everyone\n", 3, "inbox.mm.reply-to", "not one of all, author");
        assertBad("[inbox \"mm\"]\n path = /x\n[review]\n\n lists = mn\n", 5, "review.lists", "did you mean 'mm'");
        assertBad("[inbox \"mm\"]\n path = /x\n[review]\n lists = mm\n", 4, "review.lists", "has no address");
        assertBad("[review]\n since = yesterday\n", 2, "review.since", "ISO-8601");
        assertBad("[review]\n min-severity = high\n", 2, "review.min-severity", "not one of info, warning, error");
        assertBad("[review]\n grace = 10 minutes\n", 2, "review.grace", "not a duration");
        assertBad("[review]\n embargo = 5\n", 2, "review.embargo", "not a duration");
        assertBad("[review]\n ignore-sender = someone\n", 2, "review.ignore-sender", "not a mail address");
        assertBad("[review]\n maintainer = a@b.org\n maintainer = <x>\n", 3, "review.maintainer", "not a mail address");
        assertBad("[review]\n max-per-hour = lots\n", 2, "review.max-per-hour", "not a whole number");
        assertBad("[review]\n max-per-list-per-day = 0\n", 2, "review.max-per-list-per-day", "out of range");
        assertBad("[review]\n note-repeats = perhaps\n", 2, "review.note-repeats", "not a boolean");
        assertBad("[review]\n poll-interval = 0\n", 2, "review.poll-interval", "longer than 0");
        assertBad("[delivery]\n mode = post\n", 2, "delivery.mode", "not one of dry-run, send");
        assertBad("[delivery]\n outbox =\n", 2, "delivery.outbox", "no value");
        assertBad("[delivery]\n from = lorebot\n", 2, "delivery.from", "not a mail address");
        assertBad("[smtp]\n host =\n", 2, "smtp.host", "no value");
        assertBad("[smtp]\n port = 70000\n", 2, "smtp.port", "out of range");
        assertBad("[smtp]\n security = ssl\n", 2, "smtp.security", "not one of starttls, smtps, none");
        assertBad("[smtp]\n user = u\n password-env = 1PASS\n", 3, "smtp.password-env", "environment variable");
        assertBad("[smtp]\n user = u\n password-file = /p\n password-env = P\n", 4, "smtp.password-env", "give one");
        assertBad("[smtp]\n password-file = /p\n", 2, "smtp.password-file", "without smtp.user");
        assertBad("[web]\n listen = 8080\n", 2, "web.listen", "host:port");
        assertBad("[web]\n listen = localhost:99999\n", 2, "web.listen", "out of range");
        assertBad("[web]\n url = lore.example.org\n", 2, "web.url", "not an http:// or https:// URL");
    }

    @Test
    void singleValuedKeyGivenTwiceIsAnError() throws Exception {
        assertBad("[review]\n grace = 5m\n embargo = 1m\n grace = 6m\n", 4, "review.grace", "first on line 2");
    }

    @Test
    void keyWithoutValueIsAnError() throws Exception {
        assertBad("[review]\n grace\n", 2, "review.grace", "no value");
    }

    @Test
    void unknownKeyNamesFileLineAndSuggests() throws Exception {
        assertBad("[review]\n grace = 1m\n max-per-hours = 3\n", 3, "review.max-per-hours",
                "did you mean 'max-per-hour'");
        assertBad("[inbox \"mm\"]\n mirror = /x\n", 2, "inbox.mm.mirror", "unknown key");
        assertBad("[core]\n data = x\n colour = red\n", 3, "core.colour", "unknown key");
    }

    @Test
    void unknownSectionNamesFileLineAndSuggests() throws Exception {
        assertBad("[core]\n data = x\n[reveiw]\n lists = mm\n", 3, "reveiw", "did you mean 'review'");
        assertBad("[include]\n path = other.conf\n", 1, "include", "unknown section");
    }

    @Test
    void sectionNamingRules() throws Exception {
        assertBad("[inbox]\n path = /x\n", 1, "inbox", "needs a name");
        assertBad("[review \"mm\"]\n grace = 1m\n", 1, "review.mm", "takes no name");
        assertBad("[inbox \"linux mm\"]\n path = /x\n", 1, "inbox.linux mm", "not a list name");
        assertBad("\n[inbox \"mm\"]\n address = mm@example.org\n", 2, "inbox.mm", "needs a path");
    }

    @Test
    void keyOutsideAnySectionIsAnError() throws Exception {
        assertBad("# comment\ndata = x\n[core]\n", 2, "data", "outside any section");
    }

    @Test
    void syntaxErrorsNameFileAndLine() throws Exception {
        ConfigException e = failure("[core]\n data = x\n[review\n grace = 1m\n");
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("lorebot.conf") + ":3: syntax error"), e.getMessage());

        e = failure("[core]\n data = \"unterminated\n[web]\n");
        assertEquals(2, e.line(), e.getMessage());

        e = failure("[core]\n\n data = \\q\n");
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
    }

    /** Issue 11 point 14: JGit's "Bad section entry: inbox" told a new user nothing. */
    @Test
    void anUnquotedSectionNameSaysHowToWriteIt() throws Exception {
        ConfigException e = failure("[core]\n data = x\n[inbox linux-mtd]\n path = /srv/mtd\n");
        assertEquals(3, e.line(), e.getMessage());
        assertEquals(dir.resolve("lorebot.conf") + ":3: [inbox linux-mtd]: a section's name is quoted:"
                + " write [inbox \"linux-mtd\"]", e.getMessage());
    }

    @Test
    void errorsAfterAContinuationLineStillPointAtTheRightLine() throws Exception {
        assertBad("[smtp]\n host = a\\\nb\n port = x\n", 4, "smtp.port", "not a whole number");
    }

    @Test
    void missingFileIsAClearError() {
        Path file = dir.resolve("nope.conf");
        ConfigException e = assertThrows(ConfigException.class, () -> LorebotConfig.load(file));
        assertEquals(file + ": no such file", e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
    void keyOnTheHeaderLineIsRefusedRatherThanDropped() throws Exception {
        assertBad("[review] grace = 1m\n", 1, "review.grace", "line of its own");
    }
}
