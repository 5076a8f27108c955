package org.lorebot.bot.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.lorebot.index.mail.Address;
import org.lorebot.index.mail.MailMessage;

class IgnoreCommandTest {

    private static final String BOT_REVIEW = "lorebot.0123abcd@example.org";
    private static final Predicate<String> IS_BOT_REVIEW = BOT_REVIEW::equals;
    private static final Address AUTHOR = new Address("Dev One", "dev@example.net");
    private static final Set<String> MAINTAINERS = Set.of("akpm@linux-foundation.org");

    private static MailMessage reply(String from, String inReplyTo, String body) {
        return new MailMessage("cmd@x", "Re: Re: [PATCH] foo", new Address("", from), List.of(), List.of(),
                Instant.parse("2026-11-21T12:00:00Z"), inReplyTo, List.of("p@x", inReplyTo == null ? "p@x" : inReplyTo),
                null, body);
    }

    private static IgnoreCommand.Result read(MailMessage m) {
        return IgnoreCommand.read(m, IS_BOT_REVIEW, AUTHOR, MAINTAINERS);
    }

    @Test
    void authorSilencesRules() {
        IgnoreCommand.Result r = read(reply("DEV@example.net", BOT_REVIEW,
                "> DMA001 (warning): ...\n\nThe device needs it here.\n#lorebot ignore dma001\n  #LoreBot ignore DMA009 \n"));
        assertEquals(IgnoreCommand.Status.ACCEPTED, r.status());
        assertEquals(List.of("DMA001", "DMA009"), r.ruleIds());
        assertEquals("dev@example.net", r.by());
    }

    @Test
    void maintainerMaySilenceToo() {
        assertEquals(IgnoreCommand.Status.ACCEPTED,
                read(reply("akpm@linux-foundation.org", BOT_REVIEW, "#lorebot ignore DMA004\n")).status());
    }

    @Test
    void othersAreRejectedWithAReason() {
        IgnoreCommand.Result r = read(reply("drive-by@example.com", BOT_REVIEW, "#lorebot ignore DMA001\n"));
        assertEquals(IgnoreCommand.Status.REJECTED, r.status());
        assertEquals(List.of(), r.ruleIds());
        assertTrue(r.reason().contains("drive-by@example.com") && r.reason().contains("dev@example.net"), r.reason());
    }

    @Test
    void quotedFooterIsNotACommand() {
        assertEquals(IgnoreCommand.Status.NONE, read(reply("dev@example.net", BOT_REVIEW,
                "> a maintainer can reply with a line such as\n> #lorebot ignore DMA001\n\nThanks, fixed in v2.\n")).status());
    }

    @Test
    void onlyRepliesToTheBotsReviewsCount() {
        assertEquals(IgnoreCommand.Status.NONE, read(reply("dev@example.net", "someone-else@x", "#lorebot ignore DMA001\n")).status());
        assertEquals(IgnoreCommand.Status.NONE, read(reply("dev@example.net", null, "#lorebot ignore DMA001\n")).status());
    }

    @Test
    void malformedCommandsAreRejected() {
        IgnoreCommand.Result r = read(reply("dev@example.net", BOT_REVIEW, "#lorebot ignore\n#lorebot stop\n"));
        assertEquals(IgnoreCommand.Status.REJECTED, r.status());
        assertTrue(r.reason().contains("#lorebot stop"), r.reason());
    }
}
