package org.lorebot.bot.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lorebot.config.InboxConfig.ReplyTo;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.mail.Address;

class ConfiguredIdentityTest {

    @Test
    void listContextFollowsTheInboxSection() throws Exception {
        LorebotConfig config = LorebotConfig.parse(Path.of("/etc/lorebot.conf"), """
                [inbox "linux-mm"]
                    path = mirrors/linux-mm
                    url = https://lore.kernel.org/linux-mm
                    address = linux-mm@kvack.org
                [inbox "local"]
                    path = mirrors/local
                    reply-to = author
                """);
        assertEquals(new ListContext("linux-mm", "linux-mm@kvack.org", "https://lore.kernel.org/linux-mm", ReplyTo.ALL),
                ListContext.of(config.inbox("linux-mm").orElseThrow()));
        assertEquals(new ListContext("local", "", "https://lore.kernel.org/local", ReplyTo.AUTHOR),
                ListContext.of(config.inbox("local").orElseThrow()));
    }

    @Test
    void botIdentityFromTheFromSetting() {
        BotIdentity bot = BotIdentity.parse("lorebot <lorebot@example.org>", "lorebot 0.1.0", "");
        assertEquals(new Address("lorebot", "lorebot@example.org"), bot.address());
        assertEquals("lorebot@example.org", bot.contact());
        assertEquals("example.org", bot.domain());
        assertEquals(new Address("", "bot@example.org"), BotIdentity.parse("bot@example.org", null, null).address());
        assertThrows(IllegalArgumentException.class, () -> BotIdentity.parse("a@b.c, d@e.f", null, null));
        assertThrows(IllegalArgumentException.class, () -> BotIdentity.parse("not an address <", null, null));
        assertThrows(IllegalArgumentException.class, () -> BotIdentity.parse("lorebot", null, null));
    }
}
