package org.lorebot.analyzers.clang;

import java.util.ArrayList;
import java.util.List;

/**
 * An object-like {@code #define NAME body} found in a token stream (function-like macros,
 * {@code #define NAME(x)}, are left out). {@code line} is the source line of the name;
 * {@code zoneGuarded} marks a definition inside an {@code #if} on {@code CONFIG_ZONE_DMA*}.
 */
public record MacroDefinition(String name, TokenSpan body, int line, boolean zoneGuarded) {

    public static List<MacroDefinition> in(List<Token> tokens) {
        List<MacroDefinition> out = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token hash = tokens.get(i);
            if (!hash.directive() || !hash.is("#") || !tokens.get(i + 1).is("define")) {
                continue;
            }
            Token name = tokens.get(i + 2);
            if (!name.isIdentifier()) {
                continue;
            }
            int bodyStart = i + 3;
            if (bodyStart < tokens.size() && tokens.get(bodyStart).is("(")
                    && tokens.get(bodyStart).line() == name.line()
                    && tokens.get(bodyStart).column() == name.column() + name.text().length()) {
                continue; // function-like
            }
            int end = bodyStart;
            while (end < tokens.size() && tokens.get(end).directive() && !tokens.get(end).is("#")) {
                end++;
            }
            out.add(new MacroDefinition(name.text(), new TokenSpan(tokens.subList(bodyStart, end)), name.line(),
                    name.zoneGuarded()));
        }
        return out;
    }
}
