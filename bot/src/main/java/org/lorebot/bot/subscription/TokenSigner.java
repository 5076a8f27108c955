package org.lorebot.bot.subscription;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes and checks the tokens of confirmation mails and unsubscribe links:
 * {@code lb1.PAYLOAD.MAC}, both parts unpadded base64url, the payload
 * {@code purpose|address|issued|expires} (epoch milliseconds) and the MAC HMAC-SHA256 of the
 * payload under the {@link DigestKey}. The address travels in the token, so a token only ever
 * acts on the address it was sent to. Safe in URLs and subjects.
 */
public final class TokenSigner {

    /** Finds a token in mail text. */
    public static final Pattern IN_TEXT = Pattern.compile("lb1\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{43}");

    private static final String PREFIX = "lb1.";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public TokenSigner(DigestKey key) {
        this.key = new SecretKeySpec(key.bytes(), "HmacSHA256");
    }

    /** A token for {@code address}, valid from {@code issued} until {@code expires}. */
    public String issue(TokenPurpose purpose, String address, Instant issued, Instant expires) {
        String payload = purpose.code() + "|" + address.strip().toLowerCase(Locale.ROOT) + "|"
                + issued.toEpochMilli() + "|" + expires.toEpochMilli();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return PREFIX + ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /**
     * Checks a token: well-formed, signed with this key, not expired at {@code now}, for
     * {@code purpose}.
     */
    public Token verify(String token, TokenPurpose purpose, Instant now) throws TokenException {
        String t = token == null ? "" : token.strip();
        if (!t.startsWith(PREFIX)) {
            throw new TokenException(TokenException.Reason.MALFORMED, "not a lorebot token");
        }
        int dot = t.indexOf('.', PREFIX.length());
        if (dot < 0) {
            throw new TokenException(TokenException.Reason.MALFORMED, "not a lorebot token");
        }
        byte[] payload;
        byte[] given;
        try {
            payload = DECODER.decode(t.substring(PREFIX.length(), dot));
            given = DECODER.decode(t.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new TokenException(TokenException.Reason.MALFORMED, "not a lorebot token");
        }
        // Constant-time comparison: the time taken must not tell how much of a MAC was right.
        // Only the canonical spelling is accepted, so a token has exactly one form.
        if (!MessageDigest.isEqual(mac(payload), given) || !ENCODER.encodeToString(given).equals(t.substring(dot + 1))) {
            throw new TokenException(TokenException.Reason.FORGED, "the token's signature is not valid");
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        TokenPurpose p = parts.length == 4 && parts[0].length() == 1 ? TokenPurpose.ofCode(parts[0].charAt(0)) : null;
        if (p == null) {
            throw new TokenException(TokenException.Reason.MALFORMED, "not a lorebot token");
        }
        Token result;
        try {
            result = new Token(p, parts[1], Instant.ofEpochMilli(Long.parseLong(parts[2])),
                    Instant.ofEpochMilli(Long.parseLong(parts[3])));
        } catch (NumberFormatException e) {
            throw new TokenException(TokenException.Reason.MALFORMED, "not a lorebot token");
        }
        if (p != purpose) {
            throw new TokenException(TokenException.Reason.WRONG_PURPOSE, "this token is for "
                    + p.name().toLowerCase(Locale.ROOT) + ", not " + purpose.name().toLowerCase(Locale.ROOT));
        }
        if (now.isAfter(result.expires())) {
            throw new TokenException(TokenException.Reason.EXPIRED, "the token expired at " + result.expires());
        }
        return result;
    }

    /** The purpose a well-formed token claims, before it is checked; null when it claims none. */
    public static TokenPurpose claimedPurpose(String token) {
        String t = token == null ? "" : token.strip();
        int dot = t.indexOf('.', PREFIX.length());
        if (!t.startsWith(PREFIX) || dot < 0) {
            return null;
        }
        try {
            byte[] payload = DECODER.decode(t.substring(PREFIX.length(), dot));
            return payload.length > 0 ? TokenPurpose.ofCode((char) payload[0]) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
