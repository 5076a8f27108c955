package org.lorebot.index.archive;

import org.eclipse.jgit.storage.file.WindowCacheConfig;

/**
 * JGit's process-wide pack cache, sized for public-inbox epochs. Epoch packs are long delta
 * chains of similar messages; with JGit's default 10 MB delta-base cache every blob re-inflates
 * its chain and reading an epoch is about five times slower. The configuration must be installed
 * before repositories are opened, so every reader and the mirror call {@link #install()} first.
 */
final class PackCache {

    static final long PACKED_GIT_LIMIT = 512L * WindowCacheConfig.MB;
    static final int DELTA_BASE_CACHE_LIMIT = 64 * WindowCacheConfig.MB;

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
        config.install();
        installed = true;
    }
}
