package org.lorebot.index.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class MailQueryParserTest {

    private static String parse(String query) throws QuerySyntaxException {
        return MailQueryParser.parse(query).toString();
    }

    @Test
    void lowerCaseWordsMatchTheirStem() throws Exception {
        // "support" is its own stem: the word itself is indexed as a word only
        assertEquals("s_stem:support s:support", parse("s:supports"));
        assertEquals("s_stem:bitflip s:bitflip", parse("s:bitflips"));
        // "agre" is not (it stems to "agr"): the word "agre" does not match, "agreed" does
        assertEquals("s_stem:agre", parse("s:agreed"));
    }

    @Test
    void capitalisedWordsAndNumbersMatchExactly() throws Exception {
        assertEquals("dfb:gfp_dma", parse("dfb:GFP_DMA"));
        assertEquals("s:patch", parse("s:PATCH"));
        assertEquals("s:2019", parse("s:2019"));
    }

    @Test
    void punctuationJoinedWordsArePhrases() throws Exception {
        assertEquals("s:\"spi nor\"", parse("s:spi-nor"));
        assertEquals("f:\"miquel raynal bootlin com\"", parse("f:miquel.raynal@bootlin.com"));
        assertEquals("dfn:\"drivers mtd nand raw marvell_nand c\"",
                parse("dfn:drivers/mtd/nand/raw/marvell_nand.c"));
    }

    @Test
    void quotedTextIsOnePhrase() throws Exception {
        assertEquals("s:\"spi nor add support\"", parse("s:\"spi-nor: Add support\""));
    }

    @Test
    void multiFieldPrefixesSearchEachField() throws Exception {
        assertEquals("t:\"a b org\" c:\"a b org\" f:\"a b org\"", parse("a:a.b@org"));
        assertEquals("(nq_stem:ecc nq:ecc) (dfn_stem:ecc dfn:ecc) (dfa_stem:ecc dfa:ecc)"
                + " (dfb_stem:ecc dfb:ecc) (dfhh_stem:ecc dfhh:ecc) (dfctx_stem:ecc dfctx:ecc)"
                + " (q_stem:ecc q:ecc)", parse("b:ecc"));
    }

    @Test
    void booleanOperatorsAndImplicitAnd() throws Exception {
        assertEquals("+(s_stem:ubif s:ubif) +(f_stem:richard f:richard)",
                parse("s:ubifs AND f:richard"));
        assertEquals("+(s_stem:ubif s:ubif) +(f_stem:richard f:richard)",
                parse("s:ubifs f:richard"));
        assertEquals("s:a (+s:b +s:c)", parse("s:A OR s:B s:C"));
        assertEquals("+s:a -s:b", parse("s:A NOT s:B"));
        assertEquals("+s:a -s:b", parse("s:A AND NOT s:B"));
        assertEquals("+s:a -s:b", parse("s:A -s:B"));
        assertEquals("+*:* -s:b", parse("NOT s:B"));
        assertEquals("+(s:a s:b) +f:c", parse("(s:A OR s:B) f:C"));
    }

    @Test
    void prefixAppliesToAGroup() throws Exception {
        assertEquals("s:a s:b", parse("s:(A OR B)"));
    }

    @Test
    void trailingStarIsAPrefixSearch() throws Exception {
        assertEquals("s:spi*", parse("s:spi*"));
        assertEquals("dfn:\"drivers mtd\"", parse("dfn:drivers/mtd/*"));
    }

    @Test
    void datesAreInclusiveRangesOfWholeDaysInUtc() throws Exception {
        Query q = MailQueryParser.parse("d:20191001..20191031");
        assertEquals("date:[1569888000 TO 1572566399]", q.toString());
        assertEquals("date:[1569888000 TO 1569974399]", parse("d:20191001"));
        assertEquals("date:[-9223372036854775808 TO 1569974399]", parse("d:..20191001"));
        assertEquals("date:[1569888000 TO 9223372036854775807]", parse("d:2019-10-01.."));
    }

    @Test
    void unknownPrefixesAreSearchedAsWords() throws Exception {
        assertEquals("m:\"foo bar\" s:\"foo bar\" f:\"foo bar\" q:\"foo bar\" nq:\"foo bar\""
                + " dfn:\"foo bar\" dfa:\"foo bar\" dfb:\"foo bar\" dfhh:\"foo bar\""
                + " dfctx:\"foo bar\"", parse("foo:bar"));
    }

    @Test
    void badQueriesNameTheirProblem() {
        assertProblem("", "empty query");
        assertProblem("(s:nand", "'(' is never closed");
        assertProblem("s:nand)", "')' without a matching '('");
        assertProblem("s:nand AND", "'AND' needs a search term");
        assertProblem("s:nand OR", "'OR' needs something after it");
        assertProblem("s: nand", "'s:' needs a value");
        assertProblem("d:20191301..20191331", "bad date in 'd:20191301..20191331'");
        assertProblem("d:yesterdayish", "'yesterdayish' is not a date");
        assertProblem("d:20200101..20190101", "ends before it starts");
        assertProblem("patchid:xyz", "patch-id 'xyz'");
        assertProblem("s:!!!", "has no words");
        assertProblem("()", "empty parentheses");
    }

    private static void assertProblem(String query, String expected) {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
                () -> MailQueryParser.parse(query), query);
        assertTrue(e.getMessage().contains(expected), () -> "'" + query + "' gave: " + e.getMessage());
        assertTrue(e.getMessage().contains("column"), e.getMessage());
    }
}
