package org.lorebot.bot.maintainers;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of the kernel's MAINTAINERS file: a subsystem, its people and lists, and the files
 * it covers.
 *
 * @param name           the title line, e.g. {@code DMA GENERIC OFFLOAD ENGINE SUBSYSTEM}
 * @param line           the 1-based line of the title in the file
 * @param maintainers    {@code M:} mailboxes
 * @param reviewers      {@code R:} mailboxes
 * @param lists          {@code L:} list addresses (without the remarks after them)
 * @param status         {@code S:}, e.g. {@code Maintained}; empty when absent
 * @param files          {@code F:} patterns
 * @param excluded       {@code X:} patterns, tested before {@code F:} and {@code N:}
 * @param fileRegexes    {@code N:} regular expressions, found anywhere in a file's path
 * @param contentRegexes {@code K:} regular expressions, found in the lines a patch changes
 */
public record MaintainersEntry(String name, int line, List<String> maintainers,
                               List<String> reviewers, List<String> lists, String status,
                               List<FilePattern> files, List<FilePattern> excluded,
                               List<Pattern> fileRegexes, List<Pattern> contentRegexes) {

    public MaintainersEntry {
        Objects.requireNonNull(name, "name");
        maintainers = List.copyOf(maintainers);
        reviewers = List.copyOf(reviewers);
        lists = List.copyOf(lists);
        status = status == null ? "" : status;
        files = List.copyOf(files);
        excluded = List.copyOf(excluded);
        fileRegexes = List.copyOf(fileRegexes);
        contentRegexes = List.copyOf(contentRegexes);
    }

    /** Whether the file is this entry's: not excluded by {@code X:}, matched by {@code F:} or {@code N:}. */
    public boolean covers(String path) {
        for (FilePattern x : excluded) {
            if (x.matches(path)) {
                return false;
            }
        }
        for (FilePattern f : files) {
            if (f.matches(path)) {
                return true;
            }
        }
        for (Pattern n : fileRegexes) {
            if (n.matcher(path).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a patch concerns this entry: it touches one of its files, or one of the lines it
     * adds or removes matches a {@code K:} keyword.
     *
     * @param paths        the files the patch changes
     * @param changedLines the added and removed lines (without their {@code +}/{@code -})
     */
    public boolean concerns(Collection<String> paths, List<String> changedLines) {
        for (String p : paths) {
            if (covers(p)) {
                return true;
            }
        }
        for (Pattern k : contentRegexes) {
            for (String l : changedLines) {
                if (k.matcher(l).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}
