package org.lorebot.bot.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenSignerTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private final TokenSigner signer = new TokenSigner(DigestKey.of("0123456789abcdef0123456789abcdef".getBytes()));

    @Test
    void aGenuineTokenNamesItsAddressAndTimes() throws Exception {
        String t = signer.issue(TokenPurpose.CONFIRM, "Vkoul@Kernel.org", T0, T0.plus(Duration.ofDays(3)));
        assertTrue(TokenSigner.IN_TEXT.matcher("Re: confirm " + t + " thanks").find());
        Token v = signer.verify(t, TokenPurpose.CONFIRM, T0.plus(Duration.ofDays(3)));
        assertEquals("vkoul@kernel.org", v.address());
        assertEquals(T0, v.issued());
        assertEquals(TokenPurpose.CONFIRM, TokenSigner.claimedPurpose(t));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String t = signer.issue(TokenPurpose.CONFIRM, "a@example.org", T0, T0.plus(Duration.ofDays(3)));
        TokenException e = assertThrows(TokenException.class,
                () -> signer.verify(t, TokenPurpose.CONFIRM, T0.plus(Duration.ofDays(3)).plusMillis(1)));
        assertEquals(TokenException.Reason.EXPIRED, e.reason());
    }

    @Test
    void aTokenWithAnotherAddressOrLongerLifeIsForged() {
        String t = signer.issue(TokenPurpose.UNSUBSCRIBE, "victim@example.org", T0, T0.plus(Duration.ofDays(1)));
        String mac = t.substring(t.lastIndexOf('.') + 1);
        String payload = "u|attacker@example.org|" + T0.toEpochMilli() + "|" + T0.plus(Duration.ofDays(1)).toEpochMilli();
        String swapped = "lb1." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + mac;
        assertEquals(TokenException.Reason.FORGED, assertThrows(TokenException.class,
                () -> signer.verify(swapped, TokenPurpose.UNSUBSCRIBE, T0)).reason());
        String longer = "u|victim@example.org|" + T0.toEpochMilli() + "|" + T0.plus(Duration.ofDays(900)).toEpochMilli();
        String extended = "lb1." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(longer.getBytes(StandardCharsets.UTF_8)) + "." + mac;
        assertEquals(TokenException.Reason.FORGED, assertThrows(TokenException.class,
                () -> signer.verify(extended, TokenPurpose.UNSUBSCRIBE, T0)).reason());
    }

    @Test
    void aTokenHasOneSpellingOnly() throws Exception {
        String t = signer.issue(TokenPurpose.CONFIRM, "a@example.org", T0, T0.plus(Duration.ofDays(1)));
        signer.verify(t, TokenPurpose.CONFIRM, T0);
        // The last base64 digit of a 32-byte MAC carries two unused bits: setting one spells the
        // same MAC differently, which must not pass.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(t.charAt(t.length() - 1));
        String alias = t.substring(0, t.length() - 1) + alphabet.charAt(last ^ 1);
        assertEquals(TokenException.Reason.FORGED, assertThrows(TokenException.class,
                () -> signer.verify(alias, TokenPurpose.CONFIRM, T0)).reason());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsForged() {
        TokenSigner other = new TokenSigner(DigestKey.of("another key of sixteen+ bytes".getBytes()));
        String t = other.issue(TokenPurpose.CONFIRM, "a@example.org", T0, T0.plus(Duration.ofDays(1)));
        assertEquals(TokenException.Reason.FORGED, assertThrows(TokenException.class,
                () -> signer.verify(t, TokenPurpose.CONFIRM, T0)).reason());
    }

    @Test
    void aTokenIsOnlyGoodForItsPurpose() {
        String t = signer.issue(TokenPurpose.UNSUBSCRIBE, "a@example.org", T0, T0.plus(Duration.ofDays(1)));
        assertEquals(TokenException.Reason.WRONG_PURPOSE, assertThrows(TokenException.class,
                () -> signer.verify(t, TokenPurpose.CONFIRM, T0)).reason());
    }

    @Test
    void garbageIsMalformed() {
        for (String junk : new String[] {"", "hello", "lb1.", "lb1.%%%.abc", "lb1.YQ.YQ"}) {
            TokenException e = assertThrows(TokenException.class, () -> signer.verify(junk, TokenPurpose.CONFIRM, T0));
            assertTrue(e.reason() == TokenException.Reason.MALFORMED || e.reason() == TokenException.Reason.FORGED,
                    junk + ": " + e.reason());
        }
    }

    @Test
    void keyFileIsCreatedPrivateAndReusedAcrossRuns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state/digest.key");
        TokenSigner first = new TokenSigner(DigestKey.loadOrCreate(file));
        String t = first.issue(TokenPurpose.CONFIRM, "a@example.org", T0, T0.plus(Duration.ofDays(1)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("a@example.org",
                new TokenSigner(DigestKey.loadOrCreate(file)).verify(t, TokenPurpose.CONFIRM, T0).address());
        Files.writeString(file, "not hex\n");
        assertThrows(IllegalArgumentException.class, () -> DigestKey.loadOrCreate(file));
    }
}
