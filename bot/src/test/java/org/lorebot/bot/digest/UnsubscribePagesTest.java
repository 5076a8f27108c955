package org.lorebot.bot.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.state.StateStore;
import org.lorebot.bot.state.SubscriptionStatus;
import org.lorebot.bot.subscription.SubscriptionManager;
import org.lorebot.bot.subscription.UnsubscribePages;
import org.lorebot.bot.web.WebServer;

/** One-click unsubscribe (RFC 8058) over HTTP against the real web server. */
class UnsubscribePagesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> oneClick(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getAsksAndChangesNothingPostUnsubscribes() throws Exception {
        try (Harness h = new Harness(dir, "[subscriber \"maint@example.org\"]\n    lists = dmaengine\n");
             StateStore store = h.openState(NOW)) {
            h.run(NOW); // the configured subscriber becomes active
            SubscriptionManager manager = DigestServices.subscriptionManager(h.config, store);
            String token = manager.unsubscribeToken("maint@example.org", NOW);
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            try (WebServer web = WebServer.start(h.archive.index(), h.config, new InetSocketAddress("127.0.0.1", 0),
                    UnsubscribePages.routes(manager, clock))) {
                URI link = web.uri().resolve(UnsubscribePages.PREFIX + token);

                HttpResponse<String> page = get(link);
                assertEquals(200, page.statusCode());
                assertTrue(page.body().contains("maint@example.org"), page.body());
                assertTrue(page.body().contains("<form method=\"post\" action=\"/unsubscribe/" + token + "\">"),
                        page.body());
                assertEquals(SubscriptionStatus.ACTIVE, store.subscriptions().get("maint@example.org").orElseThrow().status());

                HttpResponse<String> done = oneClick(link);
                assertEquals(200, done.statusCode());
                assertTrue(done.body().contains("maint@example.org is unsubscribed"), done.body());
                assertEquals(SubscriptionStatus.UNSUBSCRIBED,
                        store.subscriptions().get("maint@example.org").orElseThrow().status());
                assertTrue(oneClick(link).body().contains("has no lorebot digest subscription"));

                int middle = token.length() - 20;
                String forged = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A')
                        + token.substring(middle + 1);
                HttpResponse<String> refused = oneClick(web.uri().resolve(UnsubscribePages.PREFIX + forged));
                assertEquals(403, refused.statusCode());
                assertFalse(refused.body().contains("maint@example.org"));
                assertEquals(400, get(web.uri().resolve(UnsubscribePages.PREFIX + "nonsense")).statusCode());
            }
            // the unsubscribe sticks although the configuration still names the address
            h.run(NOW.plus(Duration.ofDays(1)));
            assertEquals(SubscriptionStatus.UNSUBSCRIBED,
                    store.subscriptions().get("maint@example.org").orElseThrow().status());
        }
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        try (Harness h = new Harness(dir, "[subscriber \"maint@example.org\"]\n    lists = dmaengine\n");
             StateStore store = h.openState(NOW)) {
            h.run(NOW);
            SubscriptionManager manager = DigestServices.subscriptionManager(h.config, store);
            String token = manager.unsubscribeToken("maint@example.org", NOW);
            Clock later = Clock.fixed(NOW.plus(h.config.digest().unsubscribeLifetime()).plusSeconds(1), ZoneOffset.UTC);
            try (WebServer web = WebServer.start(h.archive.index(), h.config, new InetSocketAddress("127.0.0.1", 0),
                    UnsubscribePages.routes(manager, later))) {
                HttpResponse<String> r = oneClick(web.uri().resolve(UnsubscribePages.PREFIX + token));
                assertEquals(410, r.statusCode());
                assertTrue(r.body().contains("expired"), r.body());
                assertEquals(SubscriptionStatus.ACTIVE, store.subscriptions().get("maint@example.org").orElseThrow().status());
            }
        }
    }
}
