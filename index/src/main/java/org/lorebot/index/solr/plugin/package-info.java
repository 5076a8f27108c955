/**
 * The classes Solr loads from lorebot's plugin jar: the query parser of public-inbox's language.
 * The schema's text fields name lorebot's analyzer ({@code org.lorebot.index.store.MailAnalyzer})
 * directly, so analysis is lorebot's own code too, not a re-description of it.
 */
package org.lorebot.index.solr.plugin;
