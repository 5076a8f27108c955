/**
 * Threading as public-inbox 1.9 does it: by References and In-Reply-To only (never by subject),
 * with ghosts for referenced messages never received, merging of threads a late message links,
 * and threads named by their root's Message-ID. {@link org.lorebot.index.thread.ThreadGraph}
 * holds the threads; {@link org.lorebot.index.thread.MessageReferences} picks the ids a message
 * threads under. Checked against public-inbox's own threads of the linux-mtd archive and the
 * 200-message fixtures.
 */
package org.lorebot.index.thread;
