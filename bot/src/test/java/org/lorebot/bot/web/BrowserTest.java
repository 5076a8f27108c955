package org.lorebot.bot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The archive in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}):
 * what a person does (search, open a result, walk the thread, read the raw message, download
 * the thread), and that nothing in hostile mail runs. Screenshots are kept in
 * {@code target/screenshots/}. Without a browser the tests are skipped, unless
 * {@code LOREBOT_REQUIRE_BROWSER} is set (as CI does): then they fail.
 */
class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dir;
    static TestArchive archive;
    static ChromeDriver browser;
    static Path downloads;

    @BeforeAll
    static void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "no browser: " + CHROMIUM + " and " + CHROMEDRIVER
                    + " are needed (apt-get install chromium chromium-driver)";
            if (System.getenv("LOREBOT_REQUIRE_BROWSER") != null) {
                fail(why + ", and LOREBOT_REQUIRE_BROWSER is set");
            }
            System.out.println("skipped: " + why);
            Assumptions.abort(why);
        }
        archive = TestArchive.start(dir.resolve("archive"), List.of());
        downloads = Files.createDirectories(dir.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the background-networking flags keep Chromium from calling home, which this
        // machine's closed network refuses
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1200, 1000));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (archive != null) {
            archive.close();
        }
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void searchOpenAResultWalkTheThreadAndReadTheRawMessage() throws IOException {
        browser.get(archive.base() + "/");
        browser.findElement(By.linkText("linux-mtd")).click();
        assertTrue(browser.getTitle().equals("linux-mtd"), browser.getTitle());

        WebElement box = browser.findElement(By.name("q"));
        box.sendKeys("s:coherent");
        box.submit();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getTitle().startsWith("Search:"));
        List<WebElement> results = browser.findElements(By.cssSelector("ol.results li a"));
        assertEquals(3, results.size(), browser.getPageSource());
        assertEquals("coherent", browser.findElement(By.tagName("mark")).getText());
        screenshot("search");

        browser.findElement(By.partialLinkText("allocate the bounce buffer")).click();
        assertTrue(browser.getCurrentUrl().endsWith("/linux-mtd/odd%2Fid%2541+x@example.org/")
                || browser.getCurrentUrl().contains("@example.org/"), browser.getCurrentUrl());
        String first = browser.getCurrentUrl();
        browser.findElement(By.linkText("thread")).click();
        assertTrue(browser.getCurrentUrl().contains("/T/#m"), browser.getCurrentUrl());
        assertEquals(3, browser.findElements(By.tagName("article")).size());
        screenshot("thread");

        // to the patch itself through the thread overview, then its findings and raw form
        browser.get(archive.base() + "/linux-mtd/patch-1@example.org/");
        assertFalse(first.isEmpty());
        WebElement findings = browser.findElement(By.id("lorebot"));
        assertTrue(findings.getText().contains("DMA001"), findings.getText());
        screenshot("patch");
        findings.findElement(By.linkText("DMA001")).click();
        assertTrue(browser.getTitle().startsWith("DMA001: "), browser.getTitle());
        browser.navigate().back();

        browser.findElement(By.linkText("raw")).click();
        String raw = browser.findElement(By.tagName("body")).getText();
        String stored = new String(archive.index.message(TestArchive.PATCH_ID).orElseThrow().raw(),
                StandardCharsets.UTF_8);
        assertTrue(raw.contains("Message-ID: <patch-1@example.org>"), raw);
        assertEquals(stored.strip().lines().count(), raw.strip().lines().count(), "the whole message");
    }

    @Test
    void theThreadDownloadsAsMbox() throws Exception {
        browser.get(archive.base() + "/linux-mtd/patch-1@example.org/");
        browser.findElement(By.linkText("mbox.gz")).click();
        Path file = downloads.resolve("t.mbox.gz");
        // chromium puts an empty file under the final name first and writes to a .crdownload
        Path partial = downloads.resolve("t.mbox.gz.crdownload");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> file.toFile().length() > 0 && !Files.exists(partial));
        assertTrue(Files.size(file) > 100);
    }

    @Test
    void nothingInHostileMailRuns() throws IOException {
        // the scripts would set the title to "pwned": it stays the subject, shown as text
        Map<String, String> titles = Map.of(
                TestArchive.HOSTILE_ID, "Grüße <script>document.title='pwned'</script>",
                TestArchive.HTML_ONLY_ID, "html only");
        for (String id : List.of(TestArchive.HOSTILE_ID, TestArchive.HTML_ONLY_ID)) {
            browser.get(archive.base() + "/linux-mtd/" + PercentCoding.encode(id) + "/");
            assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "no alert");
            assertEquals(titles.get(id), browser.getTitle());
            assertTrue(browser.findElements(By.tagName("script")).isEmpty());
            assertTrue(browser.findElements(By.tagName("img")).isEmpty());
            assertTrue(browser.findElements(By.tagName("iframe")).isEmpty());
            for (WebElement a : browser.findElements(By.tagName("a"))) {
                String href = String.valueOf(a.getAttribute("href"));
                assertFalse(href.startsWith("javascript:"), href);
            }
        }
        browser.get(archive.base() + "/linux-mtd/" + TestArchive.HOSTILE_ID + "/");
        String text = browser.findElement(By.tagName("main")).getText();
        assertTrue(text.contains("Grüße <script>document.title='pwned'</script>"), text);
        assertTrue(text.contains("Café <script>document.title='pwned';alert(1)</script>"), text);
        assertTrue(text.contains("<a href=\"javascript:alert(document.cookie)\">click me</a>"), text);
        assertTrue(text.contains("</pre><b>broken <i>html <table><tr><td>cell"), text);
        assertTrue(text.contains(TestArchive.KOI8_TEXT), text);
        assertTrue(text.contains("\"<img src=x onerror=alert(1)>\"") || text.contains("<img src=x onerror=alert(1)>"),
                text);
        screenshot("hostile");

        browser.get(archive.base() + "/linux-mtd/" + TestArchive.HTML_ONLY_ID + "/");
        String html = browser.findElement(By.tagName("main")).getText();
        assertTrue(html.contains("Visible paragraph"), html);
    }
}
