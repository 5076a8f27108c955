/**
 * Choosing the index backend from configuration: the local Lucene index or a SolrCloud
 * collection, both behind {@link org.lorebot.index.MailIndex}.
 */
package org.lorebot.index.backend;
