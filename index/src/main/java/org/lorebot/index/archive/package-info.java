/**
 * Reading mailing list archives, each message once, streaming, in archive order.
 *
 * <p>{@link org.lorebot.index.archive.ArchiveSources#open} recognises a public-inbox v2 inbox, a
 * lone v2 epoch repository, a v1 inbox or an mbox and returns an
 * {@link org.lorebot.index.archive.ArchiveSource}; {@code read(cursor, visitor)} delivers
 * {@link org.lorebot.index.archive.ArchiveEntry entries} (added and removed messages with their
 * position) and {@link org.lorebot.index.archive.ArchiveProblem problems} (what could not be
 * read: reported, then skipped). {@link org.lorebot.index.archive.Mirror} keeps a local v2 copy
 * of an inbox served over HTTP, such as lore.kernel.org.
 */
package org.lorebot.index.archive;
