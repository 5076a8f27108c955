package org.lorebot.index.archive;

/** Receives what an {@link ArchiveSource} reads, in archive order. */
public interface ArchiveVisitor {

    void entry(ArchiveEntry entry);

    void problem(ArchiveProblem problem);
}
