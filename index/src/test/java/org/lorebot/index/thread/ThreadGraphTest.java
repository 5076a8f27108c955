package org.lorebot.index.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThreadGraphTest {

    private long seq;

    private void add(ThreadGraph g, String id, long date, String... refs) {
        assertTrue(g.add(id, List.of(refs), date, ++seq));
    }

    private static Set<Set<String>> groups(ThreadGraph g) {
        Set<Set<String>> groups = new HashSet<>();
        for (List<String> t : g.threads()) {
            groups.add(new HashSet<>(t));
        }
        return groups;
    }

    @Test
    void repliesJoinTheirParentsThread() {
        ThreadGraph g = new ThreadGraph();
        add(g, "a", 1);
        add(g, "b", 2, "a");
        add(g, "c", 3, "a", "b");
        add(g, "x", 4);
        assertEquals(Set.of(Set.of("a", "b", "c"), Set.of("x")), groups(g));
        assertEquals(Optional.of("a"), g.root("c"));
        assertEquals(Optional.of("x"), g.root("x"));
    }

    @Test
    void childrenBeforeTheirParentHangOnAGhostThenJoinIt() {
        ThreadGraph g = new ThreadGraph();
        add(g, "reply", 2, "patch");
        assertEquals(Optional.of("patch"), g.root("reply"), "a ghost root names the thread");
        assertFalse(g.contains("patch"));
        add(g, "patch", 1);
        assertTrue(g.contains("patch"));
        assertEquals(Set.of(Set.of("reply", "patch")), groups(g));
        assertEquals(Optional.of("patch"), g.root("reply"));
    }

    @Test
    void aLateMessageMergesTwoThreadsAndRekeysThem() {
        ThreadGraph g = new ThreadGraph();
        add(g, "cover", 1);
        add(g, "r1", 3, "cover");
        add(g, "r2", 4, "patch1");          // In-Reply-To only: patch1 not seen yet
        assertEquals(2, g.threads().size());
        assertEquals(Optional.of("patch1"), g.root("r2"));
        add(g, "patch1", 2, "cover");       // arrives late and links both
        assertEquals(Set.of(Set.of("cover", "r1", "r2", "patch1")), groups(g));
        assertEquals(Optional.of("cover"), g.root("r2"), "re-keyed to the merged thread's root");
    }

    @Test
    void subjectsDoNotThread() {
        ThreadGraph g = new ThreadGraph();
        add(g, "a", 1);
        add(g, "b", 2);
        assertEquals(2, g.threads().size());
    }

    @Test
    void aRepeatedIdIsRefused() {
        ThreadGraph g = new ThreadGraph();
        add(g, "a", 1);
        assertFalse(g.add("a", List.of(), 5, 99));
        assertEquals(1, g.size());
    }

    @Test
    void theRootIsAboveTheOldestMessageEvenWhenItIsAGhost() {
        ThreadGraph g = new ThreadGraph();
        add(g, "later-root", 50);
        add(g, "reply-to-lost", 10, "lost-ancestor", "lost-parent");
        add(g, "bridge", 60, "later-root", "lost-parent");
        assertEquals(Optional.of("lost-ancestor"), g.root("bridge"));
    }

    @Test
    void layoutNestsRepliesUnderTheirParentsOldestFirst() {
        ThreadGraph g = new ThreadGraph();
        add(g, "root", 1);
        add(g, "second-reply", 5, "root");
        add(g, "first-reply", 3, "root");
        add(g, "nested", 4, "root", "first-reply");
        add(g, "to-ghost", 6, "root", "missing");
        List<String> shown = new ArrayList<>();
        for (ThreadPosition p : g.layout("nested").orElseThrow()) {
            shown.add("  ".repeat(p.depth()) + p.messageId() + (p.ghost() ? " (ghost)" : ""));
        }
        assertEquals(List.of("root", "  first-reply", "    nested", "  second-reply",
                "  missing (ghost)", "    to-ghost"), shown);
    }

    @Test
    void removingTheOnlyLinkSplitsAThreadAndLeavesAGhostWhereReferenced() {
        ThreadGraph g = new ThreadGraph();
        add(g, "a", 1);
        add(g, "b", 2, "a");
        add(g, "c", 3, "b");
        assertTrue(g.remove("b"));
        assertFalse(g.contains("b"));
        assertEquals(Set.of(Set.of("a"), Set.of("c")), groups(g));
        assertEquals(Optional.of("b"), g.root("c"), "c now hangs on the ghost of b");
        assertTrue(g.remove("c"));
        assertEquals(Optional.empty(), g.root("b"), "a ghost nobody references is dropped");
    }

    @Test
    void referenceCyclesDoNotLoop() {
        ThreadGraph g = new ThreadGraph();
        add(g, "a", 1, "b");
        add(g, "b", 2, "a");
        assertEquals(Set.of(Set.of("a", "b")), groups(g));
        assertEquals(2, g.layout("a").orElseThrow().size());
        assertTrue(g.root("a").isPresent());
    }

    /**
     * Issue 11 point 9: one message citing 10,000 References used to overflow the stack when its
     * thread was laid out. It joins the thread of its last reference, which stays as it was.
     */
    @Test
    void aMessageWithTenThousandReferencesJoinsItsThreadWithoutBreakingIt() {
        ThreadGraph g = new ThreadGraph();
        add(g, "root", 1);
        add(g, "reply", 2, "root");
        String[] refs = new String[10_000];
        for (int i = 0; i < refs.length - 1; i++) {
            refs[i] = "ghost-" + i;
        }
        refs[refs.length - 1] = "root";
        add(g, "flood", 3, refs);

        assertEquals(Optional.of("root"), g.root("flood"));
        assertEquals(Optional.of("root"), g.root("reply"));
        List<ThreadPosition> layout = g.layout("reply").orElseThrow();
        assertEquals(new ThreadPosition("root", 0, false), layout.get(0));
        assertEquals(new ThreadPosition("reply", 1, false), layout.get(1));
        assertEquals(new ThreadPosition("flood", 1, false), layout.get(2));
        assertEquals(10_002, layout.size(), "the 9,999 ghosts follow, each under the one before");
        assertEquals(9_998, layout.get(layout.size() - 1).depth());
    }
}
