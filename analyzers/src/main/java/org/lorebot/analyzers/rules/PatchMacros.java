package org.lorebot.analyzers.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lorebot.analyzers.clang.Token;
import org.lorebot.analyzers.gfp.GfpEvaluator;
import org.lorebot.analyzers.gfp.GfpMacros;
import org.lorebot.analyzers.gfp.GfpParser;
import org.lorebot.analyzers.gfp.GfpValue;
import org.lorebot.analyzers.patch.DiffLine;

/**
 * The object-like macros a patch's new text defines, expanded as gfp masks on demand. A name
 * defined more than once (in {@code #if}/{@code #else} branches) may be any of its bodies.
 * Each name is expanded once and remembered, so macros that refer to each other cost linear
 * time; a macro that refers back to itself is unknown, not a loop.
 */
final class PatchMacros {

    /** A macro's possible values, the #define lines they come from and the macro names used. */
    record Expansion(GfpValue value, List<DiffLine> lines, List<String> via, boolean zoneGuarded) { }

    private final Map<String, List<Define>> defines;
    private final Map<String, Expansion> expanded = new HashMap<>();
    private final Map<String, Boolean> gfpLike = new HashMap<>();
    private final Set<String> expanding = new HashSet<>();

    PatchMacros(Map<String, List<Define>> defines) {
        this.defines = defines;
    }

    boolean defines(String name) {
        return defines.containsKey(name);
    }

    /** True when the macro's body (or a macro it uses) names a gfp flag or mask. */
    boolean isGfp(String name) {
        Boolean known = gfpLike.get(name);
        if (known != null) {
            return known;
        }
        List<Define> ds = defines.get(name);
        if (ds == null || !expanding.add(name)) {
            return false;
        }
        boolean gfp = false;
        GfpMacros kernel = GfpMacros.standard();
        for (Define d : ds) {
            for (Token t : d.body().tokens()) {
                if (t.isIdentifier() && (kernel.isKnown(t.text()) || isGfp(t.text()))) {
                    gfp = true;
                    break;
                }
            }
        }
        expanding.remove(name);
        gfpLike.put(name, gfp);
        return gfp;
    }

    /** The macro's expansion, or null when the patch does not define it (or it refers to itself). */
    Expansion expand(String name) {
        Expansion known = expanded.get(name);
        if (known != null) {
            return known;
        }
        List<Define> ds = defines.get(name);
        if (ds == null || !expanding.add(name)) {
            return null;
        }
        List<DiffLine> lines = new ArrayList<>();
        List<String> via = new ArrayList<>(List.of(name));
        boolean guarded = false;
        GfpValue value = null;
        for (Define d : ds) {
            GfpValue v = GfpEvaluator.evaluate(GfpParser.parse(d.body()), n -> {
                Expansion inner = expand(n);
                if (inner == null) {
                    return null;
                }
                inner.lines.forEach(l -> addOnce(lines, l));
                inner.via.forEach(n2 -> addOnce(via, n2));
                return inner.value;
            });
            value = value == null ? v : value.either(v);
            addOnce(lines, d.line());
            guarded |= d.zoneGuarded();
        }
        expanding.remove(name);
        Expansion e = new Expansion(value, List.copyOf(lines), List.copyOf(via), guarded || ds.size() > 1 && guarded);
        expanded.put(name, e);
        return e;
    }

    static <T> void addOnce(List<T> list, T item) {
        if (!list.contains(item)) {
            list.add(item);
        }
    }
}
