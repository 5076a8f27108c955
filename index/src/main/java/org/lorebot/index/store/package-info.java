/**
 * The Lucene index: one document per Message-ID ({@link org.lorebot.index.store.MessageDocument},
 * schema in {@link org.lorebot.index.store.IndexFields}), text cut into words exactly as Xapian's
 * term generator cuts them ({@link org.lorebot.index.store.TermScanner}) with the English stems
 * that differ from them beside them ({@link org.lorebot.index.store.StemFilter}), message bodies
 * cut into public-inbox's quoted, unquoted and diff parts
 * ({@link org.lorebot.index.store.BodySections}), and the archive cursor kept in the commit user
 * data ({@link org.lorebot.index.store.MailStore}). Raw messages are stored compressed with zstd
 * ({@link org.lorebot.index.codec.LorebotCodec}): the index is about half the size of the mail
 * it holds.
 */
package org.lorebot.index.store;
