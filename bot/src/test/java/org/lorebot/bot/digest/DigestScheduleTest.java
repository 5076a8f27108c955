package org.lorebot.bot.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.bot.subscription.Preferences;
import org.lorebot.config.SubscriberConfig.Frequency;

class DigestScheduleTest {

    private static Preferences daily(int hour, String zone) {
        return new Preferences(List.of("linux-mm"), List.of(), "", List.of(), Severity.WARNING, Frequency.DAILY,
                hour, DayOfWeek.MONDAY, ZoneId.of(zone));
    }

    private static Preferences weekly(DayOfWeek day, int hour, String zone) {
        return new Preferences(List.of("linux-mm"), List.of(), "", List.of(), Severity.WARNING, Frequency.WEEKLY,
                hour, day, ZoneId.of(zone));
    }

    private static Instant t(String s) {
        return Instant.parse(s);
    }

    @Test
    void dailyBoundaryIsTheLatestPassedHour() {
        Preferences p = daily(8, "UTC");
        assertEquals(t("2026-11-21T08:00:00Z"), DigestSchedule.latestBoundary(p, t("2026-11-21T08:00:00Z")));
        assertEquals(t("2026-11-21T08:00:00Z"), DigestSchedule.latestBoundary(p, t("2026-11-21T23:59:00Z")));
        assertEquals(t("2026-11-20T08:00:00Z"), DigestSchedule.latestBoundary(p, t("2026-11-21T07:59:59Z")));
        assertEquals(t("2026-11-19T08:00:00Z"), DigestSchedule.previousBoundary(p, t("2026-11-20T08:00:00Z")));
    }

    @Test
    void hourIsReadInTheSubscribersZone() {
        // 08:00 in Tokyo is 23:00 UTC the day before; 08:00 in Los Angeles (PST) is 16:00 UTC.
        assertEquals(t("2026-11-20T23:00:00Z"),
                DigestSchedule.latestBoundary(daily(8, "Asia/Tokyo"), t("2026-11-21T12:00:00Z")));
        assertEquals(t("2026-11-20T16:00:00Z"),
                DigestSchedule.latestBoundary(daily(8, "America/Los_Angeles"), t("2026-11-21T12:00:00Z")));
        assertEquals(t("2026-11-21T02:30:00Z"),
                DigestSchedule.latestBoundary(daily(8, "Asia/Kolkata"), t("2026-11-21T12:00:00Z")));
    }

    @Test
    void weeklyBoundaryFallsOnTheChosenDay() {
        Preferences p = weekly(DayOfWeek.FRIDAY, 7, "Europe/Berlin");
        // 2026-11-20 is a Friday; 07:00 CET is 06:00 UTC
        assertEquals(t("2026-11-20T06:00:00Z"), DigestSchedule.latestBoundary(p, t("2026-11-24T10:00:00Z")));
        assertEquals(t("2026-11-13T06:00:00Z"), DigestSchedule.latestBoundary(p, t("2026-11-20T05:59:00Z")));
        assertEquals(t("2026-11-13T06:00:00Z"), DigestSchedule.previousBoundary(p, t("2026-11-20T06:00:00Z")));
    }

    @Test
    void dstChangesKeepTheLocalHour() {
        Preferences p = daily(8, "Europe/Berlin");
        // Clocks go back on 2026-10-25: 08:00 is 06:00 UTC before, 07:00 UTC after.
        Instant before = DigestSchedule.latestBoundary(p, t("2026-10-24T12:00:00Z"));
        Instant after = DigestSchedule.latestBoundary(p, t("2026-10-25T12:00:00Z"));
        assertEquals(t("2026-10-24T06:00:00Z"), before);
        assertEquals(t("2026-10-25T07:00:00Z"), after);
        assertEquals(before, DigestSchedule.previousBoundary(p, after)); // a 25-hour day
        // Clocks go forward on 2026-03-29: a 23-hour day.
        Instant spring = DigestSchedule.latestBoundary(p, t("2026-03-29T12:00:00Z"));
        assertEquals(t("2026-03-29T06:00:00Z"), spring);
        assertEquals(t("2026-03-28T07:00:00Z"), DigestSchedule.previousBoundary(p, spring));
    }

    @Test
    void anHourSkippedByDstFallsJustAfterTheGap() {
        // 02:00 does not exist in Berlin on 2026-03-29: the boundary is 03:00 CEST (01:00 UTC).
        Preferences p = daily(2, "Europe/Berlin");
        assertEquals(t("2026-03-29T01:00:00Z"), DigestSchedule.latestBoundary(p, t("2026-03-29T05:00:00Z")));
        assertEquals(t("2026-03-28T01:00:00Z"), DigestSchedule.previousBoundary(p, t("2026-03-29T01:00:00Z")));
        assertEquals(t("2026-03-29T01:00:00Z"),
                DigestSchedule.previousBoundary(p, DigestSchedule.latestBoundary(p, t("2026-03-30T05:00:00Z"))));
    }
}
