package org.lorebot.bot.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.patch.DiffLine;

/**
 * Message-IDs for replies, derived from the patch answered and what the reply reports: the same
 * review always gets the same id, so a retry after a crash can be recognised in the archive
 * and the state instead of being posted twice.
 */
public final class ReplyIds {

    private ReplyIds() {
    }

    /** {@code lorebot.<hash>@<domain>}, the hash covering the patch's id and the findings. */
    public static String messageId(String patchMessageId, List<Finding> findings, String domain) {
        MessageDigest sha = sha256();
        update(sha, patchMessageId);
        List<Finding> ordered = findings.stream()
                .sorted(Comparator.comparing(Finding::path).thenComparingInt(Finding::line)
                        .thenComparing(Finding::ruleId).thenComparing(Finding::message))
                .toList();
        for (Finding f : ordered) {
            update(sha, f.ruleId());
            update(sha, f.path());
            update(sha, Integer.toString(f.line()));
            update(sha, f.message());
            for (DiffLine l : f.lines()) {
                update(sha, l.asDiff());
            }
        }
        String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        return "lorebot." + hash + "@" + domain;
    }

    private static void update(MessageDigest sha, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        // Length-prefix each part so that ("ab","c") and ("a","bc") hash differently.
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
