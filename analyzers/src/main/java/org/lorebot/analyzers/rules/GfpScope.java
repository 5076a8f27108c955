package org.lorebot.analyzers.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lorebot.analyzers.gfp.GfpValue;
import org.lorebot.analyzers.patch.DiffLine;

/**
 * The local gfp variables of the function being read ({@code gfp_t gfp = GFP_KERNEL;
 * gfp |= GFP_DMA;}). An assignment inside a block, or after an unbraced {@code if}, may not
 * have happened, so afterwards the variable may hold either value. The branches of an
 * {@code if}/{@code else if}/{@code else} chain exclude each other: a value set in one branch
 * is never combined with a value set in another, so {@code if (x) gfp |= GFP_HIGHUSER; else
 * gfp |= GFP_DMA32;} is two masks with one zone each, not a conflict.
 */
final class GfpScope {

    /** A variable's possible values, the lines that set them and the names they went through. */
    record Variable(GfpValue value, List<DiffLine> lines, List<String> via) { }

    /** How a block is entered. */
    enum Block { PLAIN, ELSE, ELSE_IF }

    /** An open block: the state before it and, for an else branch, the ends of the branches before. */
    private record Frame(Map<String, Variable> before, List<Map<String, Variable>> chain, Block kind) { }

    private Map<String, Variable> variables = new HashMap<>();
    private final Deque<Frame> blocks = new ArrayDeque<>();
    /** An if (or else-if) branch just ended and an else follows: the state before the chain and each branch's end. */
    private Map<String, Variable> chainBase;
    private List<Map<String, Variable>> chainEnds;
    /** Token index of the {@code else} that continues the chain; any other else does not. */
    private int chainElseAt = -1;

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
        chainBase = null;
        chainEnds = null;
    }

    /** A copy of the current state, to start a chain from an unbraced if statement. */
    Map<String, Variable> snapshot() {
        return new HashMap<>(variables);
    }

    /** Enters a block; {@code elseAt} is the index of the else token before it, or -1. */
    void enterBlock(Block kind, int elseAt) {
        if (kind != Block.PLAIN && chainBase != null && elseAt == chainElseAt) {
            blocks.push(new Frame(chainBase, chainEnds, kind));
            variables = new HashMap<>(chainBase);
        } else {
            blocks.push(new Frame(new HashMap<>(variables), null, Block.PLAIN));
        }
        chainBase = null;
        chainEnds = null;
    }

    /** Leaves a block; {@code elseAt} is the index of an else token right after it, or -1. */
    void leaveBlock(int elseAt) {
        boolean elseFollows = elseAt >= 0;
        if (blocks.isEmpty()) {
            return; // the hunk started inside this block
        }
        Frame f = blocks.pop();
        Map<String, Variable> end = variables;
        List<Map<String, Variable>> ends = new ArrayList<>();
        if (f.chain != null) {
            ends.addAll(f.chain);
        }
        ends.add(end);
        if (elseFollows) {
            // another branch comes: it starts from the state before the chain
            chainBase = f.before;
            chainEnds = ends;
            chainElseAt = elseAt;
            variables = join(ends, f.before, true);
        } else if (f.kind == Block.ELSE) {
            variables = join(ends, f.before, false); // exactly one branch ran
        } else {
            variables = join(ends, f.before, true); // maybe none ran
        }
    }

    /**
     * After an unbraced {@code if (c) statement;} followed by the else at {@code elseAt}: the
     * branch may not have run, but the else branch, if it assigns, excludes it.
     */
    void ifStatementEnded(Map<String, Variable> before, int elseAt) {
        List<Map<String, Variable>> ends = new ArrayList<>(List.of(new HashMap<>(variables)));
        variables = join(ends, before, true);
        chainBase = before;
        chainEnds = ends;
        chainElseAt = elseAt;
    }

    /** True when the else at {@code elseAt} continues the current if/else chain. */
    boolean inChain(int elseAt) {
        return chainBase != null && elseAt == chainElseAt;
    }

    /** The value a variable had before the current if/else chain, or null. */
    Variable chainBase(String name) {
        return chainBase == null ? null : chainBase.get(name);
    }

    /** Ends the chain after an unbraced {@code else statement;}: exactly one branch ran. */
    void elseStatementEnded() {
        if (chainBase == null) {
            return;
        }
        List<Map<String, Variable>> ends = new ArrayList<>(chainEnds);
        ends.add(new HashMap<>(variables));
        variables = join(ends, chainBase, false);
        chainBase = null;
        chainEnds = null;
    }

    /**
     * Each variable may hold its value at any of the branch ends (and its value before, when
     * {@code noneMayRun}); a variable a branch did not touch keeps its value before there.
     */
    private static Map<String, Variable> join(List<Map<String, Variable>> ends, Map<String, Variable> before,
                                              boolean noneMayRun) {
        Set<String> names = new HashSet<>(before.keySet());
        for (Map<String, Variable> e : ends) {
            names.addAll(e.keySet());
        }
        Map<String, Variable> out = new HashMap<>();
        for (String name : names) {
            Variable was = before.get(name);
            GfpValue value = null;
            Variable last = null;
            boolean changed = false;
            List<Variable> candidates = new ArrayList<>();
            for (Map<String, Variable> e : ends) {
                candidates.add(e.containsKey(name) ? e.get(name) : was);
            }
            if (noneMayRun) {
                candidates.add(was);
            }
            for (Variable c : candidates) {
                changed |= c != was;
                GfpValue v = c == null ? GfpValue.UNKNOWN : c.value();
                value = value == null ? v : value.either(v);
                if (c != null && c != was) {
                    last = c;
                }
            }
            if (!changed) {
                if (was != null) {
                    out.put(name, was);
                }
                continue;
            }
            Variable source = last != null ? last : was;
            out.put(name, new Variable(value, source.lines(), source.via()));
        }
        return out;
    }
}
