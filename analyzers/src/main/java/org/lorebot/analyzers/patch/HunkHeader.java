package org.lorebot.analyzers.patch;

/**
 * The numbers of an {@code @@ -a,b +c,d @@ heading} line. A missing count means 1, as in GNU
 * diff's output for one-line ranges.
 */
record HunkHeader(int oldStart, int oldCount, int newStart, int newCount, String heading) {

    /** Parses a hunk header, or returns null when the line is not one. */
    static HunkHeader parse(String line) {
        if (!line.startsWith("@@ -")) {
            return null;
        }
        int[] pos = {4};
        long oldStart = number(line, pos);
        long oldCount = 1;
        if (oldStart < 0) {
            return null;
        }
        if (at(line, pos[0], ',')) {
            pos[0]++;
            oldCount = number(line, pos);
        }
        if (oldCount < 0 || !line.startsWith(" +", pos[0])) {
            return null;
        }
        pos[0] += 2;
        long newStart = number(line, pos);
        long newCount = 1;
        if (newStart < 0) {
            return null;
        }
        if (at(line, pos[0], ',')) {
            pos[0]++;
            newCount = number(line, pos);
        }
        if (newCount < 0 || !line.startsWith(" @@", pos[0])) {
            return null;
        }
        String heading = line.substring(pos[0] + 3).strip();
        return new HunkHeader((int) oldStart, (int) oldCount, (int) newStart, (int) newCount,
                heading);
    }

    private static boolean at(String s, int i, char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    /** Reads decimal digits at pos[0], advancing it; -1 when there are none or too many. */
    private static long number(String s, int[] pos) {
        int i = pos[0];
        long v = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && i - pos[0] < 9) {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i == pos[0] || (i < s.length() && Character.isDigit(s.charAt(i)))) {
            return -1;
        }
        pos[0] = i;
        return v;
    }
}
