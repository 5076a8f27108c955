package org.lorebot.analyzers.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the unified diffs in a text (a mail body, a {@code git format-patch} file) and parses
 * them: git's extended headers (new, deleted, renamed, copied files, mode changes, binary
 * changes) and plain {@code ---}/{@code +++} diffs.
 *
 * <p>Hunks are read by their line counts, as git applies them, so a mail signature ({@code -- })
 * after the last hunk is never mistaken for a removed line, and a hunk cut short by a mailer
 * ends where its lines end. Only diffs that start at the beginning of a line are seen: a diff
 * quoted in a reply ({@code > +...}) is not a patch.
 */
public final class UnifiedDiffParser {

    private static final String DIFF_GIT = "diff --git ";

    private final List<String> lines;
    private int pos;

    private UnifiedDiffParser(List<String> lines) {
        this.lines = lines;
    }

    /** All file diffs in the text, in order; empty when it holds none. */
    public static List<FileDiff> parse(String text) {
        return new UnifiedDiffParser(DiffText.lines(text)).files();
    }

    /**
     * True when the line at {@code i} starts a diff: a {@code diff --git} line, or a {@code ---}
     * line followed by {@code +++} and a hunk header.
     */
    static boolean startsDiff(List<String> lines, int i) {
        String line = lines.get(i);
        if (line.startsWith(DIFF_GIT)) {
            return true;
        }
        return line.startsWith("--- ") && i + 2 < lines.size()
                && lines.get(i + 1).startsWith("+++ ")
                && HunkHeader.parse(lines.get(i + 2)) != null;
    }

    private List<FileDiff> files() {
        List<FileDiff> files = new ArrayList<>();
        while (pos < lines.size()) {
            if (lines.get(pos).startsWith(DIFF_GIT)) {
                files.add(gitFile());
            } else if (startsDiff(lines, pos)) {
                files.add(plainFile());
            } else {
                pos++;
            }
        }
        return files;
    }

    /** A file diff introduced by {@code diff --git}, with its extended header lines. */
    private FileDiff gitFile() {
        String[] names = GitPath.fromDiffGitLine(lines.get(pos).substring(DIFF_GIT.length()));
        pos++;
        String oldPath = names[0];
        String newPath = names[1];
        FileChange change = FileChange.MODIFIED;
        String oldMode = null;
        String newMode = null;
        boolean binary = false;
        boolean sawMarkers = false;
        while (pos < lines.size()) {
            String line = lines.get(pos);
            if (line.startsWith("old mode ")) {
                oldMode = line.substring(9).strip();
            } else if (line.startsWith("new mode ")) {
                newMode = line.substring(9).strip();
            } else if (line.startsWith("new file mode ")) {
                change = FileChange.ADDED;
                newMode = line.substring(14).strip();
                oldPath = null;
            } else if (line.startsWith("deleted file mode ")) {
                change = FileChange.DELETED;
                oldMode = line.substring(18).strip();
                newPath = null;
            } else if (line.startsWith("rename from ")) {
                change = FileChange.RENAMED;
                oldPath = GitPath.unquote(line.substring(12));
            } else if (line.startsWith("rename to ")) {
                change = FileChange.RENAMED;
                newPath = GitPath.unquote(line.substring(10));
            } else if (line.startsWith("copy from ")) {
                change = FileChange.COPIED;
                oldPath = GitPath.unquote(line.substring(10));
            } else if (line.startsWith("copy to ")) {
                change = FileChange.COPIED;
                newPath = GitPath.unquote(line.substring(8));
            } else if (line.startsWith("index ") || line.startsWith("similarity index ")
                    || line.startsWith("dissimilarity index ")) {
                // Blob ids and similarity carry nothing the analyzers use.
            } else if (line.startsWith("Binary files ") || line.equals("GIT binary patch")) {
                binary = true;
                pos++;
                skipBinaryPayload();
                break;
            } else if (line.startsWith("--- ") && pos + 1 < lines.size()
                    && lines.get(pos + 1).startsWith("+++ ")) {
                String a = GitPath.fromMarkerLine(line.substring(4));
                String b = GitPath.fromMarkerLine(lines.get(pos + 1).substring(4));
                if (change != FileChange.ADDED || a != null) {
                    oldPath = a;
                }
                if (change != FileChange.DELETED || b != null) {
                    newPath = b;
                }
                pos += 2;
                sawMarkers = true;
                break;
            } else {
                break;
            }
            pos++;
        }
        List<Hunk> hunks = sawMarkers ? hunks() : List.of();
        if (change == FileChange.MODIFIED && oldPath == null) {
            change = FileChange.ADDED;
        } else if (change == FileChange.MODIFIED && newPath == null) {
            change = FileChange.DELETED;
        }
        return new FileDiff(oldPath, newPath, change, oldMode, newMode, binary, hunks);
    }

    /** A diff without git's header: {@code --- a}, {@code +++ b}, hunks. */
    private FileDiff plainFile() {
        String a = GitPath.fromPlainMarkerLine(lines.get(pos).substring(4));
        String b = GitPath.fromPlainMarkerLine(lines.get(pos + 1).substring(4));
        pos += 2;
        FileChange change = a == null ? FileChange.ADDED
                : b == null ? FileChange.DELETED : FileChange.MODIFIED;
        return new FileDiff(a, b, change, null, null, false, hunks());
    }

    private void skipBinaryPayload() {
        // A "GIT binary patch" is base85 lines and blank separators up to the next header.
        while (pos < lines.size() && !lines.get(pos).startsWith(DIFF_GIT)
                && !lines.get(pos).startsWith("-- ")
                && !(lines.get(pos).isEmpty() && (pos + 1 >= lines.size()
                        || lines.get(pos + 1).isEmpty() || lines.get(pos + 1).startsWith("-- ")))) {
            pos++;
        }
    }

    private List<Hunk> hunks() {
        List<Hunk> hunks = new ArrayList<>();
        HunkHeader header;
        while (pos < lines.size() && (header = HunkHeader.parse(lines.get(pos))) != null) {
            pos++;
            hunks.add(hunk(header));
        }
        return hunks;
    }

    private Hunk hunk(HunkHeader h) {
        int oldLeft = h.oldCount();
        int newLeft = h.newCount();
        int oldLine = h.oldStart();
        int newLine = h.newStart();
        List<DiffLine> body = new ArrayList<>(oldLeft + newLeft);
        while (pos < lines.size() && (oldLeft > 0 || newLeft > 0)) {
            String line = lines.get(pos);
            char c = line.isEmpty() ? ' ' : line.charAt(0);
            String text = line.isEmpty() ? "" : line.substring(1);
            if (c == ' ' && oldLeft > 0 && newLeft > 0) {
                body.add(new DiffLine(DiffLine.Kind.CONTEXT, text, oldLine++, newLine++, pos + 1));
                oldLeft--;
                newLeft--;
            } else if (c == '-' && oldLeft > 0) {
                body.add(new DiffLine(DiffLine.Kind.REMOVED, text, oldLine++, 0, pos + 1));
                oldLeft--;
            } else if (c == '+' && newLeft > 0) {
                body.add(new DiffLine(DiffLine.Kind.ADDED, text, 0, newLine++, pos + 1));
                newLeft--;
            } else if (c == '\\') {
                // "\ No newline at end of file" belongs to the line before it.
            } else {
                break; // the hunk was cut short: keep what was there
            }
            pos++;
        }
        if (pos < lines.size() && lines.get(pos).startsWith("\\ ")) {
            pos++;
        }
        return new Hunk(h.oldStart(), h.oldCount(), h.newStart(), h.newCount(), h.heading(), body);
    }
}
