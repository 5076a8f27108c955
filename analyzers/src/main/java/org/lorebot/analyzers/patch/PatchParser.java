package org.lorebot.analyzers.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a patch mail's decoded subject and body (or a {@code git format-patch} file's text) into
 * a {@link Patch}. The layout git and b4 produce:
 *
 * <pre>
 * [From: Author &lt;a@b&gt;]       in-body author, when the sender differs
 * commit message
 *
 * Trailer: value              the trailer block
 * ---
 *  path | 3 ++-               diffstat
 * diff --git a/path b/path    file diffs
 * --
 * base-commit: ...            tool lines (b4)
 * </pre>
 */
public final class PatchParser {

    private static final Pattern TRAILER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*: \\S.*");
    private static final Pattern TOOL_LINE =
            Pattern.compile("(?i)(base-commit|change-id|prerequisite-patch-id|prerequisite-change-id): \\S.*");

    private PatchParser() {
    }

    public static Patch parse(String subject, String body) {
        List<String> lines = DiffText.lines(body == null ? "" : body);
        int diffStart = firstDiff(lines);
        int messageEnd = diffStart;
        int separator = -1;
        for (int i = 0; i < diffStart; i++) {
            if (lines.get(i).equals("---")) {
                separator = i;
                break;
            }
        }
        if (separator >= 0) {
            messageEnd = separator;
        }
        int messageStart = 0;
        String inBodyFrom = "";
        if (!lines.isEmpty() && lines.get(0).startsWith("From: ")) {
            inBodyFrom = lines.get(0).substring(6).strip();
            messageStart = 1;
            while (messageStart < messageEnd && !lines.get(messageStart).isBlank()) {
                messageStart++; // further in-body headers (Date:, Subject:)
            }
        }
        String message = join(lines, messageStart, messageEnd).strip();
        List<Trailer> trailers = new ArrayList<>(trailerBlock(lines, messageStart, messageEnd));
        for (int i = diffStart; i < lines.size(); i++) {
            if (TOOL_LINE.matcher(lines.get(i)).matches()) {
                trailers.add(trailer(lines.get(i)));
            }
        }
        String diffstat = separator >= 0 ? join(lines, separator + 1, diffStart).strip() : "";
        String text = body == null ? "" : body;
        List<FileDiff> files = diffStart < lines.size() ? UnifiedDiffParser.parse(text) : List.of();
        String patchId = files.isEmpty() ? null : PatchId.of(text);
        return new Patch(SubjectTags.parse(subject), inBodyFrom, message, trailers, diffstat, files,
                patchId);
    }

    private static int firstDiff(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (UnifiedDiffParser.startsDiff(lines, i)) {
                return i;
            }
        }
        return lines.size();
    }

    /** The last paragraph of the message, when every line of it is a trailer or continues one. */
    private static List<Trailer> trailerBlock(List<String> lines, int start, int end) {
        int last = end - 1;
        while (last >= start && lines.get(last).isBlank()) {
            last--;
        }
        int first = last;
        while (first - 1 >= start && !lines.get(first - 1).isBlank()) {
            first--;
        }
        List<Trailer> trailers = new ArrayList<>();
        for (int i = first; i <= last && i >= start; i++) {
            String line = lines.get(i);
            if (TRAILER.matcher(line).matches()) {
                trailers.add(trailer(line));
            } else if (line.startsWith(" ") || line.startsWith("\t")) {
                if (!trailers.isEmpty()) {
                    Trailer prev = trailers.remove(trailers.size() - 1);
                    trailers.add(new Trailer(prev.key(), prev.value() + " " + line.strip()));
                }
            } else if (!(line.startsWith("[") || line.startsWith("("))) {
                return List.of(); // prose: this paragraph is not a trailer block
            }
        }
        return trailers;
    }

    private static Trailer trailer(String line) {
        int colon = line.indexOf(':');
        return new Trailer(line.substring(0, colon), line.substring(colon + 1).strip());
    }

    private static String join(List<String> lines, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(lines.get(i)).append('\n');
        }
        return sb.toString();
    }
}
