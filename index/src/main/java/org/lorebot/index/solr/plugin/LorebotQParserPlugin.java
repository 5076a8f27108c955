package org.lorebot.index.solr.plugin;

import java.time.Instant;
import org.apache.lucene.search.Query;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SyntaxError;
import org.lorebot.index.query.MailQueryParser;
import org.lorebot.index.query.QuerySyntaxException;

/**
 * {@code {!lorebot}dfn:drivers/mtd/ s:spi-nor}: public-inbox's query language, parsed by
 * lorebot's own {@link MailQueryParser} on every shard, so the Solr collection answers exactly
 * as the local index does. Relative dates ({@code d:2.weeks.ago..}) are read from the local
 * parameter {@code now} (epoch milliseconds) when given, so that every shard reads them alike.
 */
public final class LorebotQParserPlugin extends QParserPlugin {

    /** The name the configset registers this parser under. */
    public static final String NAME = "lorebot";
    /** Local parameter: the instant relative dates are read from, epoch milliseconds. */
    public static final String NOW = "now";

    @Override
    public QParser createParser(String qstr, SolrParams localParams, SolrParams params,
                                SolrQueryRequest req) {
        return new QParser(qstr, localParams, params, req) {
            @Override
            public Query parse() throws SyntaxError {
                String now = localParams == null ? null : localParams.get(NOW);
                try {
                    return MailQueryParser.parse(qstr,
                            now == null ? Instant.now() : Instant.ofEpochMilli(Long.parseLong(now)));
                } catch (QuerySyntaxException e) {
                    throw new SyntaxError(e.getMessage(), e);
                } catch (NumberFormatException e) {
                    throw new SyntaxError("now is not epoch milliseconds: " + now, e);
                }
            }
        };
    }
}
