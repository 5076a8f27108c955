package org.lorebot.index.archive;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything a source delivers, in order. */
final class RecordingVisitor implements ArchiveVisitor {

    final List<ArchiveEntry> entries = new ArrayList<>();
    final List<ArchiveProblem> problems = new ArrayList<>();

    @Override
    public void entry(ArchiveEntry entry) {
        entries.add(entry);
    }

    @Override
    public void problem(ArchiveProblem problem) {
        problems.add(problem);
    }

    List<ArchiveEntry> of(ArchiveEntry.Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }
}
