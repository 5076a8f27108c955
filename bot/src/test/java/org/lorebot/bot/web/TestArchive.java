package org.lorebot.bot.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.lorebot.config.ConfigException;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;
import org.lorebot.index.fixture.TestIndexes;
import org.lorebot.index.archive.MboxFormat;
import org.lorebot.index.archive.MboxSource;
import org.lorebot.index.ingest.IngestListener;

/**
 * A small linux-mtd archive written as an mbox and ingested with the real parser and index,
 * served on a free loopback port: a patch lorebot has findings for, lorebot's reply and a
 * maintainer's (with a Message-ID that needs percent-encoding), thirty routine patches, and two
 * hostile messages (script tags, javascript: links, broken HTML, Latin-1, KOI8-R).
 */
final class TestArchive implements AutoCloseable {

    static final String LIST = "linux-mtd";
    static final String PATCH_ID = "patch-1@example.org";
    static final String BOT_REPLY_ID = "lorebot.review.1@example.org";
    static final String HUMAN_REPLY_ID = "odd/id%41+x@example.org";
    static final String HOSTILE_ID = "hostile-1@evil.example";
    static final String HTML_ONLY_ID = "hostile-2@evil.example";
    static final int ROUTINE_PATCHES = 30;
    static final String KOI8_TEXT = "Привет мир";

    final MailIndex index;
    final LorebotConfig config;
    final WebServer server;
    final byte[] mbox;

    private TestArchive(Path dir, List<WebRoute> routes, ServerLimits limits) throws IOException, ConfigException {
        Files.createDirectories(dir);
        Path file = dir.resolve("linux-mtd.mbox");
        mbox = mbox().getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, mbox);
        config = LorebotConfig.parse(dir.resolve("lorebot.conf"), """
                [core]
                    data = data
                [inbox "linux-mtd"]
                    path = linux-mtd.mbox
                    address = linux-mtd@lists.infradead.org
                [delivery]
                    from = lorebot <lorebot@example.org>
                """);
        index = TestIndexes.open(config.core().data());
        try (MboxSource source = new MboxSource(file, MboxFormat.MBOXRD)) {
            index.ingest(LIST, source, IngestListener.NONE);
        }
        server = WebServer.start(index, config, new InetSocketAddress("127.0.0.1", 0), routes, limits);
    }

    static TestArchive start(Path dir, List<WebRoute> routes) {
        return start(dir, routes, ServerLimits.DEFAULT);
    }

    /** The archive served with other limits (a short header timeout, say). */
    static TestArchive start(Path dir, List<WebRoute> routes, ServerLimits limits) {
        try {
            return new TestArchive(dir, routes, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT} */
    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() throws IOException {
        server.close();
        index.close();
    }

    /** The mbox, one char per byte (Latin-1 and KOI8-R bodies are kept as their bytes). */
    private static String mbox() {
        StringBuilder out = new StringBuilder();
        out.append(message("""
                From: Alice Example <alice@example.org>
                To: linux-mtd@lists.infradead.org
                Subject: [PATCH] mtd: rawnand: foo: allocate the bounce buffer coherent
                Date: Mon, 1 Jan 2024 10:00:00 +0000
                Message-ID: <patch-1@example.org>
                Content-Type: text/plain; charset=utf-8

                The bounce buffer is used for DMA: allocate it coherent.
                See https://example.org/docs?a=1&b=2 for details.

                Signed-off-by: Alice Example <alice@example.org>
                ---
                 drivers/mtd/nand/raw/foo.c | 3 ++-
                 1 file changed, 2 insertions(+), 1 deletion(-)

                diff --git a/drivers/mtd/nand/raw/foo.c b/drivers/mtd/nand/raw/foo.c
                index 1111111..2222222 100644
                --- a/drivers/mtd/nand/raw/foo.c
                +++ b/drivers/mtd/nand/raw/foo.c
                @@ -10,7 +10,8 @@ static int foo_probe(struct platform_device *pdev)
                 \tstruct foo *foo = platform_get_drvdata(pdev);
                 \tdma_addr_t dma;
                \s
                -\tfoo->buf = kmalloc(SZ_4K, GFP_KERNEL);
                +\tfoo->buf = dma_alloc_coherent(&pdev->dev, SZ_4K, &dma,
                +\t\t\t\t      GFP_KERNEL | GFP_DMA);
                 \tif (!foo->buf)
                 \t\treturn -ENOMEM;
                 \treturn 0;
                --\s
                2.43.0
                """));
        out.append(message("""
                From: lorebot <lorebot@example.org>
                To: Alice Example <alice@example.org>
                Cc: linux-mtd@lists.infradead.org
                Subject: Re: [PATCH] mtd: rawnand: foo: allocate the bounce buffer coherent
                Date: Mon, 1 Jan 2024 10:05:00 +0000
                Message-ID: <lorebot.review.1@example.org>
                In-Reply-To: <patch-1@example.org>
                References: <patch-1@example.org>
                Auto-Submitted: auto-generated

                On Mon, Jan 01, 2024, Alice Example wrote:
                > +\tfoo->buf = dma_alloc_coherent(&pdev->dev, SZ_4K, &dma,
                > +\t\t\t\t      GFP_KERNEL | GFP_DMA);

                GFP_DMA is stripped by dma_alloc_coherent(): drop it (DMA001).
                """));
        out.append(message("""
                From: Bob Maintainer <bob@example.org>
                To: Alice Example <alice@example.org>
                Cc: linux-mtd@lists.infradead.org
                Subject: Re: [PATCH] mtd: rawnand: foo: allocate the bounce buffer coherent
                Date: Mon, 1 Jan 2024 10:10:00 +0000
                Message-ID: <odd/id%41+x@example.org>
                In-Reply-To: <patch-1@example.org>
                References: <patch-1@example.org>

                On Mon, Jan 01, 2024, Alice Example wrote:
                > The bounce buffer is used for DMA: allocate it coherent.

                Agreed with the bot, otherwise fine.

                Reviewed-by: Bob Maintainer <bob@example.org>
                """));
        for (int i = 1; i <= ROUTINE_PATCHES; i++) {
            out.append(message(String.format("""
                    From: Carol Routine <carol@example.org>
                    To: linux-mtd@lists.infradead.org
                    Subject: [PATCH] mtd: nand: routine cleanup number %d
                    Date: Wed, 3 Jan 2024 %02d:%02d:00 +0000
                    Message-ID: <routine-%d@example.org>

                    Routine cleanup %d of the ubifs and nand code.
                    """, i, i / 60, i % 60, i, i)));
        }
        String koi8 = Base64.getEncoder().encodeToString(KOI8_TEXT.getBytes(Charset.forName("KOI8-R")));
        out.append(message("""
                From: "<img src=x onerror=alert(1)>" <evil@evil.example>
                To: linux-mtd@lists.infradead.org
                Subject: =?ISO-8859-1?Q?Gr=FC=DFe_=3Cscript=3Edocument.title=3D'pwned'=3C/script=3E?=
                Date: Tue, 2 Jan 2024 12:00:00 +0000
                Message-ID: <hostile-1@evil.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="BOUNDARY"

                --BOUNDARY
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: quoted-printable

                Caf=E9 <script>document.title=3D'pwned';alert(1)</script>
                <a href=3D"javascript:alert(document.cookie)">click me</a>
                javascript:alert(2)
                <img src=3Dx onerror=3Dalert(3)>
                </pre><b>broken <i>html <table><tr><td>cell
                --BOUNDARY
                Content-Type: text/plain; charset=koi8-r
                Content-Transfer-Encoding: base64

                """ + koi8 + """

                --BOUNDARY--
                """));
        out.append(message("""
                From: Mallory <mallory@evil.example>
                To: linux-mtd@lists.infradead.org
                Subject: html only
                Date: Tue, 2 Jan 2024 13:00:00 +0000
                Message-ID: <hostile-2@evil.example>
                MIME-Version: 1.0
                Content-Type: text/html; charset=utf-8

                <html><head><meta http-equiv="refresh" content="0;url=javascript:alert(1)"></head>
                <body><p>Visible paragraph</p><script>document.title='pwned2'</script>
                <a href="javascript:alert(1)">js link</a><p onclick="alert(1)">para<b>bold
                <iframe src="javascript:alert(4)"></iframe>
                """));
        return out.toString();
    }

    /** One mboxrd entry: the mail (text-block LF lines), KOI8/Latin-1 bytes as chars. */
    private static String message(String mail) {
        return "From mboxrd@z Thu Jan  1 00:00:00 1970\n" + mail + "\n";
    }
}
