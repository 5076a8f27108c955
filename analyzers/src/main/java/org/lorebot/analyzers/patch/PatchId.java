package org.lorebot.analyzers.patch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Git's stable patch-id ({@code git patch-id --stable}) of the diff in a text: a SHA-1 that stays
 * the same when a patch is rebased, re-sent or its commit message reworded, because it hashes
 * only the diff with whitespace and line numbers left out. With {@code --stable} each file is
 * hashed on its own and the hashes are added up, so the order of files does not matter.
 * public-inbox indexes the same value for {@code patchid:}.
 */
public final class PatchId {

    private static final int SHA1_BYTES = 20;

    private final byte[] sum = new byte[SHA1_BYTES];
    private final MessageDigest file = sha1();
    /** A line's bytes without its whitespace, reused: most diff lines are ASCII. */
    private byte[] ascii = new byte[128];
    private boolean any;

    private PatchId() {
    }

    /** The stable patch-id as 40 hex digits, or null when the text holds no diff. */
    public static String of(String text) {
        int diff = DiffText.firstLineStartingWith(text, "diff ");
        // the commit message before the first diff line counts for nothing: not even split
        return diff < 0 ? null : new PatchId().compute(new DiffText.Lines(text, diff));
    }

    private String compute(DiffText.Lines lines) {
        // State as in git's patch-id: -1 = in a file header, otherwise lines left in the hunk.
        int before = -1;
        int after = -1;
        boolean binary = false;
        String preBlob = "";
        String postBlob = "";
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (line.startsWith("\\ ") && line.length() > 12) {
                continue; // "\ No newline at end of file"
            }
            if (before == -1) {
                if (line.startsWith("GIT binary patch") || line.startsWith("Binary files")) {
                    binary = true;
                    before = 0;
                    update(preBlob);
                    update(postBlob);
                    flushFile();
                    continue;
                } else if (line.startsWith("index ")) {
                    int dots = line.indexOf("..");
                    if (dots > 0) {
                        int space = line.indexOf(' ', dots);
                        preBlob = line.substring(6, dots);
                        postBlob = line.substring(dots + 2, space > 0 ? space : line.length());
                    }
                    continue;
                } else if (line.startsWith("--- ")) {
                    before = 1;
                    after = 1;
                } else if (line.isEmpty() || !isAsciiLetter(line.charAt(0))) {
                    break;
                }
            }
            if (binary) {
                if (line.startsWith("diff ")) {
                    binary = false;
                    before = -1;
                }
                continue;
            }
            if (before == 0 && after == 0) {
                if (line.startsWith("@@ -")) {
                    HunkHeader h = HunkHeader.parse(line);
                    before = h == null ? 1 : h.oldCount();
                    after = h == null ? 1 : h.newCount();
                    continue;
                }
                if (!line.startsWith("diff ")) {
                    break; // the end of the patch
                }
                flushFile();
                before = -1;
                after = -1;
            }
            char c = line.isEmpty() ? '\n' : line.charAt(0);
            if (c == '-' || c == ' ') {
                before--;
            }
            if (c == '+' || c == ' ') {
                after--;
            }
            updateWithoutSpace(line);
        }
        if (!any) {
            return null;
        }
        flushFile();
        return HexFormat.of().formatHex(sum);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private void update(String s) {
        file.update(s.getBytes(StandardCharsets.UTF_8));
        any = true;
    }

    private void updateWithoutSpace(String line) {
        int n = 0;
        if (ascii.length < line.length()) {
            ascii = new byte[Math.max(line.length(), 2 * ascii.length)];
        }
        for (int i = 0, length = line.length(); i < length; i++) {
            char c = line.charAt(i);
            // most characters are printable ASCII: tested first, before the rarer cases
            if (c > ' ' && c < 0x80) {
                ascii[n++] = (byte) c;
            } else if (c >= 0x80) {
                updateWithoutSpaceUnicode(line); // UTF-8 as String.getBytes writes it
                return;
            } else if (c == 0) {
                break;
            } else if (!isSpace(c)) {
                ascii[n++] = (byte) c;
            }
        }
        file.update(ascii, 0, n);
        any = true;
    }

    private void updateWithoutSpaceUnicode(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == 0) {
                break; // git strips the line as a C string: nothing after a NUL counts
            }
            if (!isSpace(c)) {
                sb.append(c);
            }
        }
        update(sb.toString());
    }

    /** git's isspace(): space, \t, \n, \v, \f, \r. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 11 || c == '\f' || c == '\r';
    }

    /** Adds the current file's SHA-1 into the sum, byte by byte with carry, as git does. */
    private void flushFile() {
        byte[] h = file.digest();
        int carry = 0;
        for (int i = 0; i < SHA1_BYTES; i++) {
            carry += (sum[i] & 0xff) + (h[i] & 0xff);
            sum[i] = (byte) carry;
            carry >>>= 8;
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK must provide SHA-1", e);
        }
    }
}
