package org.lorebot.index.ingest;

/**
 * Tuning of an ingest run.
 *
 * @param commitEvery   commit (documents and cursor) after this many archive entries
 * @param parseThreads  threads parsing messages
 * @param indexThreads  threads adding documents to the index
 * @param queueCapacity messages read ahead of the writer at most (bounds memory)
 */
public record IngestOptions(int commitEvery, int parseThreads, int indexThreads,
                            int queueCapacity) {

    public IngestOptions {
        if (commitEvery < 1 || parseThreads < 1 || indexThreads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("ingest options must be positive: commitEvery="
                    + commitEvery + " parseThreads=" + parseThreads + " indexThreads="
                    + indexThreads + " queueCapacity=" + queueCapacity);
        }
    }

    /**
     * Commits every 50,000 entries; as many parser and indexer threads as cores; 64 messages in
     * flight, few enough that they die young (512 kept the old generation busy: see
     * docs/BENCHMARKS.md).
     *
     * <p>A commit writes every in-memory buffer out as a segment: at every 10,000 entries a bulk
     * ingest made twice as many segments as the index's RAM buffer would, and at 100,000 messages
     * spent 5% of its CPU merging ten of them, a merge still running, and so thrown away, when
     * the run ended. A run killed now redoes at most 50,000 entries, about ten seconds' work; the
     * ids written since the last commit that the run keeps in memory stay under 10 MB.
     */
    public static IngestOptions defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new IngestOptions(50_000, cores, cores, 64);
    }

    public IngestOptions withCommitEvery(int entries) {
        return new IngestOptions(entries, parseThreads, indexThreads, queueCapacity);
    }
}
