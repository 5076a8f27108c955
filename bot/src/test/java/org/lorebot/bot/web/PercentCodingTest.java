package org.lorebot.bot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Message-IDs in URLs are written as lore writes them, and read back exactly. */
class PercentCodingTest {

    @Test
    void keepsWhatLoreKeepsAndEscapesTheRest() {
        assertEquals("20190101.1234-1-a@example.org", PercentCoding.encode("20190101.1234-1-a@example.org"));
        assertEquals("CAFLxGvw21S=_pyYaANUeXC--H9YSq0H2qUXPkdznHg0H3vxbTQ@mail.gmail.com",
                PercentCoding.encode("CAFLxGvw21S=_pyYaANUeXC--H9YSq0H2qUXPkdznHg0H3vxbTQ@mail.gmail.com"));
        assertEquals("201911152022.zJV1d7Tk%25lkp@intel.com", PercentCoding.encode("201911152022.zJV1d7Tk%lkp@intel.com"));
        assertEquals("a%2Fb+c!$&'()*,;:@x", PercentCoding.encode("a/b+c!$&'()*,;:@x"));
        assertEquals("a%20b%3Fc%23d%3Ce%3E", PercentCoding.encode("a b?c#d<e>"));
        assertEquals("caf%C3%A9@x", PercentCoding.encode("café@x"));
    }

    @Test
    void decodesWhatItEncodes() {
        for (String id : new String[] {"odd/id%41+x@example.org", "café@x", "a b?c#d", "plain@x"}) {
            assertEquals(id, PercentCoding.decode(PercentCoding.encode(id)));
        }
        assertEquals("a+b", PercentCoding.decode("a+b"), "'+' is no space in a path");
        assertEquals("a b", PercentCoding.decodeQueryComponent("a+b"), "but it is in a query");
    }

    @Test
    void refusesBrokenEscapesAndNonUtf8() {
        assertThrows(IllegalArgumentException.class, () -> PercentCoding.decode("bad%zz"));
        assertThrows(IllegalArgumentException.class, () -> PercentCoding.decode("cut%4"));
        assertThrows(IllegalArgumentException.class, () -> PercentCoding.decode("%FF%FE"));
    }
}
