package org.lorebot.bot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Dates are shown in the sender's own time zone, as public-inbox shows them, UTC beside. */
class SenderDateTest {

    private static final Instant T = Instant.parse("2024-01-02T08:00:00Z");

    private static String shown(String headers) {
        return SenderDate.format(T, (headers + "\n\nbody\nDate: Mon, 1 Jan 2024 00:00:00 +0900\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void theSendersOffsetIsKept() {
        assertEquals("Tue, 2 Jan 2024 10:00:00 +0200 (2024-01-02 08:00 UTC)",
                shown("From: a@example.org\nDate: Tue, 2 Jan 2024 10:00:00 +0200"));
        assertEquals("Tue, 2 Jan 2024 01:00:00 -0700 (2024-01-02 08:00 UTC)",
                shown("date: Tue, 2 Jan 2024 01:00:00\n  -0700 (PDT)"), "folded, lower case, a comment");
        assertEquals("Tue, 2 Jan 2024 13:30:00 +0530 (2024-01-02 08:00 UTC)",
                shown("Date: Tue, 2 Jan 2024 13:30:00 +0530"));
    }

    @Test
    void utcOrNoUsableOffsetIsShownInUtc() {
        assertEquals("Tue, 2 Jan 2024 08:00:00 UTC", shown("Date: Tue, 2 Jan 2024 08:00:00 +0000"));
        assertEquals("Tue, 2 Jan 2024 08:00:00 UTC", shown("Date: Tue, 2 Jan 2024 08:00:00 GMT"));
        assertEquals("Tue, 2 Jan 2024 08:00:00 UTC", shown("Subject: no date here"), "not the body's Date line");
        assertEquals("Tue, 2 Jan 2024 08:00:00 UTC", shown("Date: Tue, 2 Jan 2024 08:00:00 +9999"));
    }

    @Test
    void aMessageWithCrlfLineEndsIsReadUpToItsBodyOnly() {
        assertEquals("Tue, 2 Jan 2024 10:00:00 +0200 (2024-01-02 08:00 UTC)", SenderDate.format(T,
                "Date: Tue, 2 Jan 2024 10:00:00 +0200\r\n\r\nbody\r\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("Tue, 2 Jan 2024 08:00:00 UTC", SenderDate.format(T,
                "Subject: no date\r\n\r\nDate: Mon, 1 Jan 2024 00:00:00 +0900\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1)), "not the body's Date line");
    }
}
