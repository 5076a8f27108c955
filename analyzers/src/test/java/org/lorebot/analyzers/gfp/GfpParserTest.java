package org.lorebot.analyzers.gfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lorebot.analyzers.clang.Lexer;
import org.lorebot.analyzers.clang.SourceText;
import org.lorebot.analyzers.patch.DiffLine;

class GfpParserTest {

    private static GfpExpression parse(String text) {
        return GfpParser.parse(Lexer.lex(SourceText.of(List.of(new DiffLine(DiffLine.Kind.ADDED, text, 0, 1)))));
    }

    private static GfpValue value(String text) {
        return value(text, Map.of());
    }

    private static GfpValue value(String text, Map<String, GfpValue> names) {
        return GfpEvaluator.evaluate(parse(text), names::get);
    }

    @Test
    void kernelMacrosExpandToTheirBits() {
        GfpValue kernel = value("GFP_KERNEL");
        assertTrue(kernel.mustHave(GfpFlag.__GFP_DIRECT_RECLAIM));
        assertTrue(kernel.mustHave(GfpFlag.__GFP_KSWAPD_RECLAIM));
        assertTrue(kernel.mustHave(GfpFlag.__GFP_IO));
        assertTrue(kernel.mustHave(GfpFlag.__GFP_FS));
        assertFalse(kernel.mayHave(GfpFlag.__GFP_DMA));
        assertEquals(GfpValue.of(GfpSet.of(GfpFlag.__GFP_DMA.bit())), value("GFP_DMA"));
        assertTrue(value("GFP_HIGHUSER_MOVABLE").mustHave(GfpFlag.__GFP_HIGHMEM));
        assertFalse(value("GFP_ATOMIC").mayHave(GfpFlag.__GFP_DIRECT_RECLAIM));
        assertFalse(value("GFP_TRANSHUGE_LIGHT").mayHave(GfpFlag.__GFP_KSWAPD_RECLAIM));
        assertTrue(value("GFP_TRANSHUGE").mustHave(GfpFlag.__GFP_DIRECT_RECLAIM));
    }

    @Test
    void orAndParenthesesAndCasts() {
        GfpValue v = value("(__force gfp_t)(GFP_KERNEL | GFP_DMA32)");
        assertTrue(v.mustHave(GfpFlag.__GFP_DMA32));
        assertTrue(v.mustHave(GfpFlag.__GFP_FS));
        assertTrue(v.alternatives().get(0).closed());
        assertTrue(value("GFP_KERNEL + __GFP_ZERO").mustHave(GfpFlag.__GFP_ZERO), "flags added instead of or-ed");
    }

    @Test
    void clearedBitsAreNotSet() {
        GfpValue v = value("gfp & ~(__GFP_DMA | __GFP_DMA32 | __GFP_HIGHMEM)");
        assertFalse(v.mayHave(GfpFlag.__GFP_DMA32));
        assertTrue(v.alternatives().get(0).open());
        GfpValue known = value("(GFP_KERNEL | GFP_DMA) & ~__GFP_DMA");
        assertFalse(known.mayHave(GfpFlag.__GFP_DMA));
        assertTrue(known.mustHave(GfpFlag.__GFP_IO));
        assertTrue(known.alternatives().get(0).closed());
    }

    @Test
    void ternariesGiveOnePathPerBranch() {
        GfpValue v = value("GFP_KERNEL | (dma32 ? GFP_DMA32 : GFP_DMA)");
        assertEquals(2, v.alternatives().size());
        assertTrue(v.mayHave(GfpFlag.__GFP_DMA));
        assertFalse(v.mustHave(GfpFlag.__GFP_DMA));
    }

    @Test
    void unknownNamesAndCallsOpenTheMask() {
        GfpValue v = value("flags | GFP_DMA");
        assertTrue(v.mustHave(GfpFlag.__GFP_DMA));
        assertTrue(v.alternatives().get(0).open());
        assertInstanceOf(GfpExpression.Opaque.class, parse("current_gfp_context(GFP_KERNEL)"));
        assertFalse(value("current_gfp_context(GFP_KERNEL | GFP_DMA)").mayHave(GfpFlag.__GFP_DMA),
                "what a function returns is unknown");
        assertInstanceOf(GfpExpression.Opaque.class, parse("a == b"));
        assertInstanceOf(GfpExpression.Opaque.class, parse("GFP_KERNEL |"), "malformed input never invents bits");
    }

    @Test
    void literalZeroIsTheEmptyMask() {
        assertEquals(GfpValue.of(GfpSet.EMPTY), value("0"));
        assertTrue(value("0x20").alternatives().get(0).open(), "raw numbers differ between kernel versions");
    }

    @Test
    void resolverSuppliesVariablesAndDriverMacros() {
        GfpValue v = value("MY_GFP | __GFP_NOWARN", Map.of("MY_GFP", value("GFP_NOIO | GFP_DMA")));
        assertTrue(v.mustHave(GfpFlag.__GFP_DMA));
        assertTrue(v.mustHave(GfpFlag.__GFP_NOWARN));
        assertTrue(v.alternatives().get(0).closed());
    }

    @Test
    void pathsAreCapped() {
        StringBuilder sb = new StringBuilder("GFP_KERNEL");
        for (int i = 0; i < 8; i++) {
            sb.append(" | (c").append(i).append(" ? __GFP_ZERO : __GFP_NOWARN)");
        }
        GfpValue v = value(sb.toString());
        assertTrue(v.alternatives().size() <= GfpValue.MAX_PATHS);
        assertTrue(v.mustHave(GfpFlag.__GFP_FS));
    }
}
