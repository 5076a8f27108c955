package org.lorebot.bot.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.delivery.RenderedMail;

/** Subscriptions and the digest log in a real SQLite file. */
class SubscriptionsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    private StateStore open() {
        return StateStore.open(dir.resolve("state.sqlite"), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void aRequestWaitsForItsOwnConfirmation() {
        try (StateStore s = open()) {
            Instant first = s.subscriptions().request("Maint@Example.org", "lists: a\n", T0);
            Instant second = s.subscriptions().request("maint@example.org", "lists: b\n", T0.plusSeconds(60));
            Subscription pending = s.subscriptions().get("maint@example.org").orElseThrow();
            assertEquals(SubscriptionStatus.PENDING, pending.status());
            assertEquals(Optional.of("lists: b\n"), pending.pending());
            assertFalse(s.subscriptions().confirm("maint@example.org", first, T0.plusSeconds(90)),
                    "a replaced request cannot be confirmed");
            assertTrue(s.subscriptions().confirm("maint@example.org", second, T0.plusSeconds(90)));
            assertFalse(s.subscriptions().confirm("maint@example.org", second, T0.plusSeconds(91)));
            Subscription active = s.subscriptions().get("maint@example.org").orElseThrow();
            assertTrue(active.active());
            assertEquals("lists: b\n", active.preferences());
            // a new request from an active subscriber keeps the digests going meanwhile
            s.subscriptions().request("maint@example.org", "lists: c\n", T0.plusSeconds(120));
            assertTrue(s.subscriptions().get("maint@example.org").orElseThrow().active());
            assertEquals("lists: b\n", s.subscriptions().get("maint@example.org").orElseThrow().preferences());
        }
    }

    @Test
    void configuredSubscribersFollowTheFileButAnUnsubscribeSticks() {
        try (StateStore s = open()) {
            s.subscriptions().syncConfigured(Map.of("a@example.org", "lists: x\n", "b@example.org", "lists: y\n"), T0);
            assertEquals(List.of("a@example.org", "b@example.org"),
                    s.subscriptions().active().stream().map(Subscription::address).toList());
            assertTrue(s.subscriptions().unsubscribe("a@example.org", T0.plusSeconds(1)));
            assertFalse(s.subscriptions().unsubscribe("a@example.org", T0.plusSeconds(2)));
            s.subscriptions().syncConfigured(Map.of("a@example.org", "lists: x\n"), T0.plusSeconds(3));
            assertEquals(SubscriptionStatus.UNSUBSCRIBED, s.subscriptions().get("a@example.org").orElseThrow().status());
            assertEquals(SubscriptionStatus.REMOVED, s.subscriptions().get("b@example.org").orElseThrow().status());
            s.subscriptions().syncConfigured(Map.of("b@example.org", "lists: z\n"), T0.plusSeconds(4));
            Subscription back = s.subscriptions().get("b@example.org").orElseThrow();
            assertTrue(back.active());
            assertEquals("lists: z\n", back.preferences());
        }
    }

    @Test
    void aPeriodAndItsMailAreRecordedOnceTogether() {
        try (StateStore s = open()) {
            RenderedMail mail = new RenderedMail("digest.1@example.org", List.of("a@example.org"),
                    "Subject: x\r\n\r\nbody\r\n".getBytes());
            DigestPeriod p = new DigestPeriod("a@example.org", T0.minus(Duration.ofDays(1)), T0,
                    Optional.of(mail.messageId()), 3, T0);
            assertTrue(s.digests().recordPeriod(p, Optional.of(mail)));
            assertFalse(s.digests().recordPeriod(p, Optional.of(mail)));
            assertEquals(1, s.outbox().counts().get(OutboxStatus.PENDING));
            assertEquals(Optional.of(T0), s.digests().lastPeriodEnd("a@example.org"));
            assertEquals(0, s.digests().recordPeriods(List.of(Map.entry(p, Optional.of(mail)))));
        }
        try (StateStore s = open()) {
            assertEquals(List.of(T0), s.digests().periods("a@example.org").stream().map(DigestPeriod::end).toList());
        }
    }

    @Test
    void arrivalsKeepTheirFirstTime() {
        try (StateStore s = open()) {
            s.digests().recordArrivals(List.of(new Arrival("m1@x", "l", T0)), T0);
            s.digests().recordArrivals(List.of(new Arrival("m1@x", "l", T0.plusSeconds(50)),
                    new Arrival("m2@x", "l", T0.plusSeconds(60))), T0.plusSeconds(60));
            assertEquals(Optional.of(T0.plusSeconds(60)), s.digests().lastScan());
            assertEquals(List.of(new Arrival("m1@x", "l", T0), new Arrival("m2@x", "l", T0.plusSeconds(60))),
                    s.digests().arrivals(T0.minusSeconds(1), T0.plusSeconds(60)));
            assertEquals(List.of(new Arrival("m2@x", "l", T0.plusSeconds(60))),
                    s.digests().arrivals(T0, T0.plusSeconds(60)), "periods exclude their start");
            assertEquals(1, s.digests().forgetArrivals(T0.plusSeconds(1)));
        }
    }
}
