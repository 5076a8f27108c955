package org.lorebot.analyzers.rules;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lorebot.analyzers.gfp.GfpValue;
import org.lorebot.analyzers.patch.DiffLine;

/**
 * The local gfp variables of the function being read ({@code gfp_t gfp = GFP_KERNEL;
 * gfp |= GFP_DMA;}). An assignment made inside a block or after an unbraced {@code if} may not
 * have happened, so when the block ends the variable may hold either value.
 */
final class GfpScope {

    /** A variable's possible values, the lines that set them and the names they went through. */
    record Variable(GfpValue value, List<DiffLine> lines, List<String> via) { }

    private Map<String, Variable> variables = new HashMap<>();
    private final Deque<Map<String, Variable>> blocks = new ArrayDeque<>();

    Variable get(String name) {
        return variables.get(name);
    }

    boolean has(String name) {
        return variables.containsKey(name);
    }

    void put(String name, Variable v) {
        variables.put(name, v);
    }

    void forget(String name) {
        variables.remove(name);
    }

    /** A new function: nothing carries over. */
    void reset() {
        variables.clear();
        blocks.clear();
    }

    void enterBlock() {
        blocks.push(new HashMap<>(variables));
    }

    /** Leaves a block: what it assigned may or may not have happened. */
    void leaveBlock() {
        if (blocks.isEmpty()) {
            return; // the hunk started inside this block
        }
        Map<String, Variable> before = blocks.pop();
        Map<String, Variable> merged = new HashMap<>(before);
        for (Map.Entry<String, Variable> e : variables.entrySet()) {
            Variable was = before.get(e.getKey());
            Variable now = e.getValue();
            if (was == now) {
                continue;
            }
            GfpValue prior = was != null ? was.value() : GfpValue.UNKNOWN;
            merged.put(e.getKey(), new Variable(prior.either(now.value()), now.lines(), now.via()));
        }
        variables = merged;
    }
}
