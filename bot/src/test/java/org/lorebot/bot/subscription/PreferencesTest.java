package org.lorebot.bot.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.config.SubscriberConfig.Frequency;

class PreferencesTest {

    private static final List<String> LISTS = List.of("linux-mm", "dmaengine");

    @Test
    void readsAMailBodyIgnoringProseAndQuotes() throws Exception {
        Preferences p = Preferences.parse("""
                subscribe

                Hi, please send me digests.
                lists: dmaengine
                paths = drivers/dma/ include/linux/dmaengine.h
                query: dfb:GFP_DMA AND s:PATCH
                query: s:"dma pool"
                min-severity: error
                frequency: weekly
                day: Friday
                hour: 6
                timezone: Asia/Kolkata
                > lists: linux-mm
                Thanks: Vinod
                """, LISTS);
        assertEquals(List.of("dmaengine"), p.lists());
        assertEquals(List.of("drivers/dma/", "include/linux/dmaengine.h"), p.paths());
        assertEquals(List.of("dfb:GFP_DMA AND s:PATCH", "s:\"dma pool\""), p.queries());
        assertEquals(Severity.ERROR, p.minSeverity());
        assertEquals(Frequency.WEEKLY, p.frequency());
        assertEquals(DayOfWeek.FRIDAY, p.day());
        assertEquals(6, p.hour());
        assertEquals(ZoneId.of("Asia/Kolkata"), p.zone());
        assertEquals(p, Preferences.decode(p.format()));
    }

    @Test
    void badValuesAreNamed() {
        assertEquals("lists: 'linux-xx' is not a list lorebot reads (it reads linux-mm, dmaengine)",
                assertThrows(PreferenceException.class, () -> Preferences.parse("lists: linux-xx", LISTS)).getMessage());
        assertTrue(assertThrows(PreferenceException.class, () -> Preferences.parse("hour: 25", LISTS))
                .getMessage().startsWith("hour: '25'"));
        assertTrue(assertThrows(PreferenceException.class, () -> Preferences.parse("timezone: Mars/Olympus", LISTS))
                .getMessage().startsWith("timezone:"));
        assertTrue(assertThrows(PreferenceException.class, () -> Preferences.parse("paths: /etc/passwd", LISTS))
                .getMessage().startsWith("paths:"));
    }
}
