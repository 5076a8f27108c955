/**
 * The archive on a SolrCloud collection: lorebot's index behind {@link org.lorebot.index.MailIndex}
 * with the same analysis, query language and threads as the local one, messages routed by their
 * thread's root so a thread is one shard's work. Talks to Solr over the JDK's HTTP client (SolrJ's
 * own uses Jetty 10, which cannot share a class path with lorebot's web server).
 */
package org.lorebot.index.solr;
