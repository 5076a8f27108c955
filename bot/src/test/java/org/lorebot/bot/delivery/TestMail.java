package org.lorebot.bot.delivery;

import java.net.ServerSocket;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.lorebot.bot.review.OutgoingMail;
import org.lorebot.index.mail.Address;

/** A review mail as the composer makes it, for delivery tests. */
final class TestMail {

    private TestMail() {
    }

    static OutgoingMail reply(String messageId) {
        return new OutgoingMail(messageId, new Address("lorebot", "lorebot@example.org"),
                List.of(new Address("Jörg Rödel", "joro@example.net")),
                List.of(new Address("", "linux-mm@kvack.org"), new Address("Christoph Hellwig", "hch@lst.de")),
                "Re: [PATCH v2 03/22] net: moxa: Don't use GFP_DMA when calling dma_alloc_coherent()",
                "20220219005221.634-3-bhe@redhat.com",
                List.of("20220219005221.634-1-bhe@redhat.com", "20220219005221.634-2-bhe@redhat.com",
                        "20220219005221.634-3-bhe@redhat.com"),
                Instant.parse("2026-11-21T18:00:00Z"), "lorebot 0.1.0",
                "In drivers/net/ethernet/moxa/moxart_ether.c, line 484:\n"
                        + "> +\tpriv->tx_desc_base = dma_alloc_coherent(&pdev->dev, TX_REG_DESC_SIZE * TX_DESC_NUM, &priv->tx_base, GFP_DMA | GFP_KERNEL);\n"
                        + "\n"
                        + "DMA001 (warning): Zone modifier passed to a coherent DMA allocator\n"
                        + "is stripped and ignored. Grüße.\n"
                        + "\n"
                        + "-- \n"
                        + "This is an automated review by lorebot.\n");
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
