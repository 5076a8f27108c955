/**
 * Reading archives into the index ({@link org.lorebot.index.ingest.Ingester}): parsing and text
 * analysis on a thread pool, ordering-sensitive work (duplicates, reused Message-IDs and
 * cross-posts ({@link org.lorebot.index.ingest.MessageIdentities}), threading) in archive order,
 * documents committed together with the archive cursor so that a killed run resumes without loss
 * or duplication. Progress goes to an {@link org.lorebot.index.ingest.IngestListener}; each run
 * ends with an {@link org.lorebot.index.ingest.IngestSummary}.
 */
package org.lorebot.index.ingest;
