package org.lorebot.bot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

class ListenAddressTest {

    @Test
    void readsHostAndPortForms() {
        InetSocketAddress v4 = ListenAddress.parse("127.0.0.1:8080");
        assertEquals("127.0.0.1", v4.getHostString());
        assertEquals(8080, v4.getPort());
        assertEquals("::1", ListenAddress.parse("[::1]:80").getAddress().getHostAddress().replace("0:0:0:0:0:0:0:1", "::1"));
        assertTrue(ListenAddress.parse(":9000").getAddress().isAnyLocalAddress());
        assertEquals(0, ListenAddress.parse("localhost:0").getPort());
    }

    @Test
    void badAddressesSayWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse("8080"))
                .getMessage().contains("needs a port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse("host:http"))
                .getMessage().contains("'http' is not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse("host:70000"))
                .getMessage().contains("out of range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse("::1:80"))
                .getMessage().contains("in brackets"));
    }
}
