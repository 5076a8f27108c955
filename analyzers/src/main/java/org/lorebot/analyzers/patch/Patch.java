package org.lorebot.analyzers.patch;

import java.util.List;
import java.util.Optional;

/**
 * A patch as posted: what its subject says, the commit message and its trailers, the diffstat and
 * the file diffs. A cover letter, a pull request or a reply has no file diffs.
 *
 * @param tags          the subject's tags and title
 * @param inBodyFrom    the {@code From:} line git puts at the top of the body when the author is
 *                      not the sender, or empty
 * @param commitMessage the text before the {@code ---} separator (trailers included)
 * @param trailers      the commit message's trailer block and the {@code base-commit}/{@code
 *                      change-id} lines after the diff, in order
 * @param diffstat      the diffstat between the separator and the first diff, or empty
 * @param files         the file diffs, in order
 * @param patchId       git's stable patch-id of the diff, or null when there is no diff
 */
public record Patch(SubjectTags tags, String inBodyFrom, String commitMessage,
                    List<Trailer> trailers, String diffstat, List<FileDiff> files,
                    String patchId) {

    public Patch {
        trailers = List.copyOf(trailers);
        files = List.copyOf(files);
    }

    public String title() {
        return tags.title();
    }

    public boolean hasDiff() {
        return !files.isEmpty();
    }

    /** Part 0 of a numbered series, or a numbered mail without a diff. */
    public boolean isCoverLetter() {
        return !hasDiff() && (tags.isCoverLetterNumber() || (tags.patch() && tags.total() > 0));
    }

    /** Values of every trailer with this key (case-insensitive), in order. */
    public List<String> trailerValues(String key) {
        return trailers.stream().filter(t -> t.is(key)).map(Trailer::value).toList();
    }

    /** b4's {@code change-id}, which stays the same across versions of a series. */
    public Optional<String> changeId() {
        return trailerValues("change-id").stream().findFirst();
    }
}
