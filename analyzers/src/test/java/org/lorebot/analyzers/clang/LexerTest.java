package org.lorebot.analyzers.clang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lorebot.analyzers.patch.DiffLine;

class LexerTest {

    static SourceText source(String... lines) {
        List<DiffLine> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            out.add(new DiffLine(DiffLine.Kind.ADDED, lines[i], 0, i + 1));
        }
        return SourceText.of(out);
    }

    private static List<String> texts(String... lines) {
        return Lexer.lex(source(lines)).stream().map(Token::text).toList();
    }

    @Test
    void commentsAreDroppedStringsKeptWhole() {
        assertEquals(List.of("x", "=", "f", "(", "\"a /* not a comment */ b\"", ",", "'\\''", ")", ";"),
                texts("x = f(\"a /* not a comment */ b\", /* gone */ '\\'');  // gone too"));
    }

    @Test
    void blockCommentsSpanLines() {
        assertEquals(List.of("a", ";", "b", ";"), texts("a; /* start", " kmalloc(x, GFP_DMA);", " end */ b;"));
    }

    @Test
    void aFragmentThatStartsInsideACommentDropsTheProse() {
        assertEquals(List.of("int", "x", ";"), texts(" * uses kmalloc(len, GFP_DMA)", " */", "int x;"));
    }

    @Test
    void multiCharacterOperators() {
        assertEquals(List.of("gfp", "|=", "a", "->", "b", "<<=", "c", "&&", "d"), texts("gfp |= a->b <<= c && d"));
    }

    @Test
    void preprocessorLinesAndContinuations() {
        List<Token> tokens = Lexer.lex(source("#define FOO \\", "\t(GFP_KERNEL | \\", "\t GFP_DMA)", "x = FOO;"));
        assertTrue(tokens.stream().filter(t -> t.text().equals("GFP_DMA")).allMatch(Token::directive));
        assertFalse(tokens.stream().filter(t -> t.text().equals("x")).anyMatch(Token::directive));
        assertEquals(2, tokens.stream().filter(t -> t.text().equals("GFP_DMA")).findFirst().orElseThrow().line());
    }

    @Test
    void zoneGuardedBlocks() {
        List<Token> tokens = Lexer.lex(source(
                "#if IS_ENABLED(CONFIG_ZONE_DMA32)", "a = GFP_DMA32;", "#else", "a = GFP_DMA;", "#endif", "b = 1;"));
        assertTrue(tokens.stream().filter(t -> t.text().startsWith("GFP_DMA")).allMatch(Token::zoneGuarded));
        assertFalse(tokens.stream().filter(t -> t.text().equals("b")).anyMatch(Token::zoneGuarded));
    }

    @Test
    void callsSpanLinesAndNest() {
        List<Token> tokens = Lexer.lex(source(
                "buf = dma_alloc_coherent(dev,", "\tALIGN(size, 4), &h,", "\tGFP_KERNEL | (x ? GFP_DMA : 0));"));
        List<Call> calls = new CallExtractor(tokens).calls(n -> true);
        Call outer = calls.get(0);
        assertEquals("dma_alloc_coherent", outer.name());
        assertEquals(4, outer.arguments().size());
        assertEquals("ALIGN(size,4)", outer.argument(1).text());
        assertEquals("GFP_KERNEL|(x?GFP_DMA:0)", outer.argument(3).text());
        assertEquals(0, outer.firstLine());
        assertEquals(2, outer.lastLine());
        assertTrue(outer.complete());
        assertEquals("ALIGN", calls.get(1).name());
    }

    @Test
    void preprocessorLinesInsideAnArgumentListAreNotArguments() {
        List<Token> tokens = Lexer.lex(source(
                "buf = dma_alloc_coherent(dev, size, &h,",
                "#ifdef CONFIG_FOO_LOW",
                "\t\tGFP_KERNEL | GFP_DMA);",
                "#else",
                "\t\tGFP_KERNEL);",
                "#endif"));
        Call c = new CallExtractor(tokens).calls(n -> n.equals("dma_alloc_coherent")).get(0);
        assertEquals(4, c.arguments().size());
        assertEquals("GFP_KERNEL|GFP_DMA", c.argument(3).text());
    }

    @Test
    void declarationsAndDefinitionsAreNotCalls() {
        List<Token> tokens = Lexer.lex(source(
                "void *kmalloc(size_t size, gfp_t flags);",
                "static inline struct page *alloc_page_x(gfp_t gfp)",
                "#define kzalloc(s, f) kmalloc(s, (f) | __GFP_ZERO)",
                "return kmalloc(4, GFP_KERNEL);",
                "p = (void *)__get_free_page(GFP_KERNEL);"));
        List<String> names = new CallExtractor(tokens).calls(n -> true).stream().map(Call::name).toList();
        assertEquals(List.of("kmalloc", "kmalloc", "__get_free_page"), names);
    }

    @Test
    void aCallCutOffByTheEndOfTheHunkIsIncomplete() {
        List<Token> tokens = Lexer.lex(source("p = dma_alloc_coherent(dev, size,"));
        Call c = new CallExtractor(tokens).calls(n -> true).get(0);
        assertFalse(c.complete());
        assertEquals("dev", c.argument(0).text());
        assertEquals(null, c.argument(3));
    }
}
