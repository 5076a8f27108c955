package org.lorebot.analyzers.gfp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lorebot.analyzers.clang.Lexer;
import org.lorebot.analyzers.clang.SourceText;
import org.lorebot.analyzers.patch.DiffLine;

/**
 * The kernel's composite gfp masks ({@code GFP_KERNEL}, {@code GFP_HIGHUSER}, ...) with the
 * bits they contain, read from {@code gfp-macros.tsv}.
 */
public final class GfpMacros {
    private static final GfpMacros STANDARD = load();

    private final Map<String, GfpExpression> definitions;
    private final Map<String, GfpValue> values = new HashMap<>();

    private GfpMacros(Map<String, GfpExpression> definitions) {
        this.definitions = definitions;
        for (String name : definitions.keySet()) {
            values.put(name, GfpEvaluator.evaluateWith(definitions.get(name), this::value));
        }
    }

    public static GfpMacros standard() {
        return STANDARD;
    }

    /** The bits of a known macro or single flag, or null when the name is neither. */
    public GfpValue value(String name) {
        GfpFlag flag = GfpFlag.byName(name);
        if (flag != null) {
            return GfpValue.of(GfpSet.of(flag.bit()));
        }
        return values.get(name);
    }

    public boolean isKnown(String name) {
        return GfpFlag.byName(name) != null || definitions.containsKey(name);
    }

    public List<String> names() {
        return List.copyOf(definitions.keySet());
    }

    private static GfpMacros load() {
        String resource = "gfp-macros.tsv";
        try (InputStream in = GfpMacros.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Map<String, GfpExpression> defs = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 2) {
                    throw new IllegalStateException(resource + ":" + number + ": expected name<TAB>expression");
                }
                SourceText text = SourceText.of(List.of(new DiffLine(DiffLine.Kind.CONTEXT, cols[1], 0, 0)));
                GfpExpression e = GfpParser.parse(Lexer.lex(text));
                if (e instanceof GfpExpression.Opaque) {
                    throw new IllegalStateException(resource + ":" + number + ": cannot parse " + cols[1]);
                }
                defs.put(cols[0].strip(), e);
            }
            return new GfpMacros(defs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
