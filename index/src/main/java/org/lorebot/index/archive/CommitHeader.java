package org.lorebot.index.archive;

import java.time.Instant;

import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * The parts of a commit an archive reader needs, parsed straight from the canonical bytes so
 * walking a million-commit epoch builds no RevCommit graph.
 *
 * @param tree        the commit's tree
 * @param firstParent the first parent, or null for a root commit
 * @param time        the committer time: when the archive received the message
 */
record CommitHeader(ObjectId tree, ObjectId firstParent, Instant time) {

    private static final int ID_HEX = 40;

    static CommitHeader parse(ObjectId commit, byte[] raw) throws CorruptObjectException {
        if (!startsWith(raw, 0, "tree ") || raw.length < 5 + ID_HEX) {
            throw new CorruptObjectException("commit " + commit.name() + " has no tree line");
        }
        ObjectId tree = ObjectId.fromString(raw, 5);
        int pos = 5 + ID_HEX + 1;
        ObjectId firstParent = null;
        if (startsWith(raw, pos, "parent ") && raw.length >= pos + 7 + ID_HEX) {
            firstParent = ObjectId.fromString(raw, pos + 7);
        }
        return new CommitHeader(tree, firstParent, committerTime(raw));
    }

    /** The committer's time, or null when the line is malformed. */
    private static Instant committerTime(byte[] raw) {
        int ident = RawParseUtils.committer(raw, 0);
        if (ident < 0) {
            return null;
        }
        int end = RawParseUtils.nextLF(raw, ident);
        int emailEnd = -1;
        for (int i = ident; i < end; i++) {
            if (raw[i] == '>') {
                emailEnd = i;
            }
        }
        if (emailEnd < 0) {
            return null;
        }
        int pos = emailEnd + 1;
        while (pos < end && raw[pos] == ' ') {
            pos++;
        }
        long seconds = 0;
        int digits = 0;
        while (pos < end && raw[pos] >= '0' && raw[pos] <= '9' && digits < 18) {
            seconds = seconds * 10 + (raw[pos++] - '0');
            digits++;
        }
        return digits == 0 ? null : Instant.ofEpochSecond(seconds);
    }

    private static boolean startsWith(byte[] raw, int offset, String prefix) {
        if (raw.length < offset + prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (raw[offset + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
