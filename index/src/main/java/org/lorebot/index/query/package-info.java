/**
 * public-inbox's search language ({@code s: f: t: c: a: b: bs: m: d: l: nq: q: dfn: dfa: dfb:
 * dfhh: dfctx: patchid:}, {@code AND OR NOT}, phrases, trailing {@code *}) parsed by
 * {@link org.lorebot.index.query.MailQueryParser} into Lucene queries that find what
 * public-inbox finds: all 25 queries of the linux-mtd oracle give the same messages.
 */
package org.lorebot.index.query;
