/**
 * lorebot's Lucene codec ({@link org.lorebot.index.codec.LorebotCodec}): Lucene 9.12's, with the
 * stored fields, which hold the raw messages, compressed by zstd in blocks a document is read
 * from. zstd's C library compresses where it loads, zstd in Java elsewhere; reading is always
 * zstd in Java, so a command that only reads never loads the library.
 */
package org.lorebot.index.codec;
