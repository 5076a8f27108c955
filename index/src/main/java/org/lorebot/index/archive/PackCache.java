package org.lorebot.index.archive;

import org.eclipse.jgit.storage.file.WindowCacheConfig;

/**
 * JGit's process-wide pack cache, sized for public-inbox epochs: packs of up to a few GB whose
 * blobs are delta chains of similar messages (up to 12 deep in linux-mtd). A delta-base cache
 * that holds the chains and a window cache that holds the pack keep each blob from re-inflating
 * its bases (ARCHITECTURE.md reports 5 s for linux-mtd with JGit's defaults against 0.6-0.9 s
 * with this configuration). Reading oldest-first, as these readers do, measured about 0.55 s of
 * CPU warm here under either configuration, so for small epochs the large cache is insurance;
 * for epochs larger than JGit's default 10 MB window cache it is what keeps packs resident. It must be installed before repositories are
 * opened, so every reader and the mirror call {@link #install()} first.
 */
final class PackCache {

    static final long PACKED_GIT_LIMIT = 512L * WindowCacheConfig.MB;
    static final int DELTA_BASE_CACHE_LIMIT = 64 * WindowCacheConfig.MB;
    /** Larger windows mean fewer window loads when a whole epoch pack is read front to back. */
    static final int WINDOW_SIZE = 64 * WindowCacheConfig.KB;

    private static boolean installed;

    private PackCache() {
    }

    /** Installs the configuration once per JVM; later calls do nothing. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        WindowCacheConfig config = new WindowCacheConfig();
        config.setPackedGitLimit(PACKED_GIT_LIMIT);
        config.setDeltaBaseCacheLimit(DELTA_BASE_CACHE_LIMIT);
        config.setPackedGitWindowSize(WINDOW_SIZE);
        config.install();
        installed = true;
    }
}
