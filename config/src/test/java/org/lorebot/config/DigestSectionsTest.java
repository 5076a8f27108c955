package org.lorebot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The {@code [subscriber]}, {@code [commands]} and {@code [digest]} sections. */
class DigestSectionsTest {

    private static final Path FILE = Path.of("/etc/lorebot/lorebot.conf");
    private static final String INBOXES = """
            [inbox "linux-mm"]
                url = https://lore.kernel.org/linux-mm
            [inbox "dmaengine"]
                url = https://lore.kernel.org/dmaengine
            """;

    private static LorebotConfig parse(String text) throws ConfigException {
        return LorebotConfig.parse(FILE, text);
    }

    private static ConfigException failure(String text) {
        return assertThrows(ConfigException.class, () -> parse(text));
    }

    @Test
    void defaultsWithoutAnySection() throws Exception {
        LorebotConfig c = parse("");
        assertEquals(List.of(), c.subscribers());
        assertFalse(c.commands().enabled());
        assertEquals("INBOX", c.commands().folder());
        assertEquals(993, c.commands().imapPort());
        assertEquals(Path.of("/etc/lorebot/lorebot-data/digest.key"), c.digest().secretFile());
        assertNull(c.digest().maintainersFile());
        assertEquals(Duration.ofDays(3), c.digest().tokenLifetime());
        assertEquals(Duration.ofDays(90), c.digest().unsubscribeLifetime());
        assertNull(c.digest().webUrl());
        assertEquals(c.digest(), LorebotConfig.defaults(Path.of("/etc/lorebot/lorebot-data")).digest());
    }

    @Test
    void subscriberWithEveryKey() throws Exception {
        LorebotConfig c = parse(INBOXES + """
                [digest]
                    maintainers-file = linux/MAINTAINERS
                    secret-file = /var/lib/lorebot/key
                    token-lifetime = 2d
                    web-url = https://lorebot.example.org/
                [subscriber "Vinod.Koul@Example.ORG"]
                    lists = dmaengine, linux-mm
                    paths = drivers/dma/ include/linux/dmaengine.h
                    paths = drivers/dma/*.c
                    maintainers-entry = DMA GENERIC OFFLOAD ENGINE SUBSYSTEM
                    query = dfb:GFP_DMA AND s:PATCH
                    query = "s:dmaengine"
                    min-severity = error
                    frequency = weekly
                    hour = 7
                    day = friday
                    timezone = Asia/Kolkata
                """);
        SubscriberConfig s = c.subscribers().get(0);
        assertEquals("vinod.koul@example.org", s.address());
        assertEquals(List.of("dmaengine", "linux-mm"), s.lists());
        assertEquals(List.of("drivers/dma/", "include/linux/dmaengine.h", "drivers/dma/*.c"), s.paths());
        assertEquals("DMA GENERIC OFFLOAD ENGINE SUBSYSTEM", s.maintainersEntry());
        assertEquals(List.of("dfb:GFP_DMA AND s:PATCH", "s:dmaengine"), s.queries());
        assertEquals("error", s.minSeverity());
        assertEquals(SubscriberConfig.Frequency.WEEKLY, s.frequency());
        assertEquals(7, s.hour());
        assertEquals(DayOfWeek.FRIDAY, s.day());
        assertEquals(ZoneId.of("Asia/Kolkata"), s.timezone());
        assertEquals(Path.of("/etc/lorebot/linux/MAINTAINERS"), c.digest().maintainersFile());
        assertEquals(Path.of("/var/lib/lorebot/key"), c.digest().secretFile());
        assertEquals(Duration.ofDays(2), c.digest().tokenLifetime());
        assertEquals(URI.create("https://lorebot.example.org"), c.digest().webUrl());
        assertTrue(c.subscriber("VINOD.koul@example.org").isPresent());
    }

    @Test
    void subscriberDefaults() throws Exception {
        SubscriberConfig s = parse(INBOXES + "[subscriber \"mm@example.org\"]\n  lists = linux-mm\n")
                .subscribers().get(0);
        assertEquals("warning", s.minSeverity());
        assertEquals(SubscriberConfig.Frequency.DAILY, s.frequency());
        assertEquals(8, s.hour());
        assertEquals(DayOfWeek.MONDAY, s.day());
        assertEquals(ZoneOffset.UTC, s.timezone());
        assertEquals("", s.maintainersEntry());
    }

    @Test
    void badSubscriberValuesNameFileLineAndKey() {
        assertEquals("/etc/lorebot/lorebot.conf:7: subscriber.a@example.org.hour: 24 is out of range (0 to 23)",
                failure(INBOXES + "[subscriber \"a@example.org\"]\n  lists = linux-mm\n  hour = 24\n").getMessage());
        ConfigException zone = failure(INBOXES + "[subscriber \"a@example.org\"]\n  lists = linux-mm\n"
                + "  timezone = Europe/Berlim\n");
        assertEquals(7, zone.line());
        assertEquals("subscriber.a@example.org.timezone", zone.key());
        assertTrue(zone.problem().contains("not a time zone"), zone.problem());
        ConfigException list = failure(INBOXES + "[subscriber \"a@example.org\"]\n  lists = linux-nm\n");
        assertEquals(6, list.line());
        assertTrue(list.problem().contains("did you mean 'linux-mm'"), list.problem());
        ConfigException freq = failure(INBOXES + "[subscriber \"a@example.org\"]\n  lists = linux-mm\n  frequency = hourly\n");
        assertEquals("'hourly' is not one of daily, weekly", freq.problem());
    }

    @Test
    void subscriberSectionProblemsAreReportedAtItsHeader() {
        ConfigException notAddress = failure("[subscriber \"vinod\"]\n  query = s:dma\n");
        assertEquals(1, notAddress.line());
        assertTrue(notAddress.problem().contains("not a mail address"), notAddress.problem());
        ConfigException nothing = failure("[core]\n  data = x\n[subscriber \"a@example.org\"]\n  hour = 6\n");
        assertEquals(3, nothing.line());
        assertTrue(nothing.problem().startsWith("choose what the digest covers"), nothing.problem());
        ConfigException twice = failure("[subscriber \"a@example.org\"]\n  query = s:x\n"
                + "[subscriber \"A@example.org\"]\n  query = s:y\n");
        assertEquals(3, twice.line());
        ConfigException unnamed = failure("[subscriber]\n  query = s:x\n");
        assertEquals(1, unnamed.line());
    }

    @Test
    void maintainersEntryNeedsTheMaintainersFile() {
        ConfigException e = failure("[subscriber \"a@example.org\"]\n  maintainers-entry = SLAB ALLOCATOR\n");
        assertEquals(2, e.line());
        assertEquals("subscriber.a@example.org.maintainers-entry", e.key());
    }

    @Test
    void unknownKeyInSubscriberSuggestsTheRightOne() {
        ConfigException e = failure("[subscriber \"a@example.org\"]\n  query = s:x\n  timezon = UTC\n");
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("did you mean 'timezone'"), e.problem());
    }

    @Test
    void commandMailbox() throws Exception {
        CommandsConfig c = parse("""
                [commands]
                    imap-host = imap.example.org
                    security = starttls
                    user = lorebot
                    password-file = secrets/imap
                    folder = lorebot/commands
                """).commands();
        assertTrue(c.enabled());
        assertEquals("imap.example.org", c.imapHost());
        assertEquals(143, c.imapPort());
        assertEquals(CommandsConfig.Security.STARTTLS, c.security());
        assertEquals("lorebot", c.user());
        assertEquals(Path.of("/etc/lorebot/secrets/imap"), c.passwordFile());
        assertEquals("lorebot/commands", c.folder());
        assertEquals(1993, parse("[commands]\n imap-host = h\n imap-port = 1993\n user = u\n password-file = p\n")
                .commands().imapPort());
    }

    @Test
    void commandMailboxNeedsLoginAndHost() {
        ConfigException noLogin = failure("[commands]\n  imap-host = imap.example.org\n");
        assertEquals(2, noLogin.line());
        assertEquals("commands.imap-host", noLogin.key());
        ConfigException noHost = failure("[commands]\n  user = lorebot\n");
        assertEquals(2, noHost.line());
        assertEquals("'ssl' is not one of imaps, starttls, none",
                failure("[commands]\n  security = ssl\n").problem());
    }

    @Test
    void badDigestValues() {
        assertEquals("digest.token-lifetime",
                failure("[digest]\n  token-lifetime = 0\n").key());
        assertEquals("'lorebot.example.org' is not an http:// or https:// URL",
                failure("[digest]\n  web-url = lorebot.example.org\n").problem());
    }
}
