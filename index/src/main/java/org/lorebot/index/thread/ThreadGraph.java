package org.lorebot.index.thread;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Groups messages into threads the way public-inbox 1.9 does: a message joins the thread of every
 * Message-ID in its References and In-Reply-To, ids never seen become ghosts, a message linking two
 * threads merges them, and a message arriving after its replies joins their thread. Subjects play
 * no part. The result is independent of arrival order: a thread is a connected component of the
 * reference graph.
 *
 * <p>A thread is named by its root, so its id is what users see and link to. Inside a thread, a
 * message's parent is its last reference (In-Reply-To, as JWZ threading does); a ghost's parent is
 * the reference before it in the first message that named it. The thread's root is, among the
 * members without a parent, the one above the oldest message (by date, then arrival), which is a
 * ghost's id when that message's ancestor was never seen. The root is recomputed when a thread
 * grows or merges, so thread ids move ("re-key") when a late message changes the shape.
 *
 * <p>The graph lives in memory (about 200 bytes a message); the index builds one per thread when
 * asked for, from that thread's messages alone (a thread is a connected component, so the answer
 * is the same). It is thread-safe.
 */
public final class ThreadGraph {

    private final Map<String, Node> nodes = new HashMap<>();

    private static final class Node {
        final String id;
        boolean real;
        List<String> refs = List.of();
        long date;
        long seq;
        String ghostParent;
        Group group;

        Node(String id) {
            this.id = id;
        }
    }

    private static final class Group {
        final List<Node> members = new ArrayList<>(2);
        Node root;
    }

    /**
     * Adds a message.
     *
     * @param id         its Message-ID
     * @param references the ids it refers to, oldest first, the parent last (References then
     *                   In-Reply-To, without its own id)
     * @param date       its date in epoch seconds
     * @param sequence   its arrival order (increasing)
     * @return false, changing nothing, when a message with this id is already present
     */
    public synchronized boolean add(String id, List<String> references, long date, long sequence) {
        Node node = nodes.get(id);
        if (node != null && node.real) {
            return false;
        }
        if (node == null) {
            node = newNode(id);
        }
        node.real = true;
        node.date = date;
        node.seq = sequence;
        node.ghostParent = null;
        node.refs = List.copyOf(references);
        // refs share the id strings of their nodes: each id is kept once however often cited
        String[] refs = new String[references.size()];
        String previous = null;
        for (int i = 0; i < refs.length; i++) {
            String ref = references.get(i);
            Node target = nodes.get(ref);
            boolean created = target == null;
            if (created) {
                target = newNode(ref);
            }
            refs[i] = target.id;
            // a ghost made just now has no replies, so it cannot be above previous: no walk
            if (!target.real && target.ghostParent == null && previous != null
                    && (created || !reaches(previous, target))) {
                target.ghostParent = previous;
            }
            node.group = union(node.group, target.group);
            previous = target.id;
        }
        node.refs = List.of(refs);
        chooseRoot(node.group);
        return true;
    }

    /**
     * Removes a message. It stays as a ghost while others refer to it; a thread it alone held
     * together splits.
     *
     * @return false when no such message is present
     */
    public synchronized boolean remove(String id) {
        Node node = nodes.get(id);
        if (node == null || !node.real) {
            return false;
        }
        node.real = false;
        node.refs = List.of();
        node.ghostParent = null;
        regroup(node.group.members);
        return true;
    }

    /** Takes over the contents of {@code rebuilt} at once (readers never see half a graph). */
    public void replaceWith(ThreadGraph rebuilt) {
        if (rebuilt == this) {
            return;
        }
        synchronized (rebuilt) {
            synchronized (this) {
                nodes.clear();
                nodes.putAll(rebuilt.nodes);
                rebuilt.nodes.clear();
            }
        }
    }

    /** Whether a message (not a ghost) with this id is present. */
    public synchronized boolean contains(String id) {
        Node node = nodes.get(id);
        return node != null && node.real;
    }

    /** The root id of the thread holding this message or ghost. */
    public synchronized Optional<String> root(String id) {
        Node node = nodes.get(id);
        return node == null ? Optional.empty() : Optional.of(node.group.root.id);
    }

    /** The ids of the messages (not ghosts) in the thread holding {@code id}, unordered. */
    public synchronized List<String> messages(String id) {
        Node node = nodes.get(id);
        if (node == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (Node member : node.group.members) {
            if (member.real) {
                ids.add(member.id);
            }
        }
        return ids;
    }

    /** Every thread as the ids of its messages (ghosts left out), unordered. */
    public synchronized List<List<String>> threads() {
        Set<Group> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<List<String>> threads = new ArrayList<>();
        for (Node node : nodes.values()) {
            if (node.real && seen.add(node.group)) {
                threads.add(messages(node.id));
            }
        }
        return threads;
    }

    /** How many messages (not ghosts) are present. */
    public synchronized int size() {
        int count = 0;
        for (Node node : nodes.values()) {
            if (node.real) {
                count++;
            }
        }
        return count;
    }

    /**
     * The thread holding {@code id} in display order: the root first, each message followed by its
     * replies, oldest first, with nesting depths; further roots (e.g. replies to different unknown
     * messages) after it.
     */
    public synchronized Optional<List<ThreadPosition>> layout(String id) {
        Node node = nodes.get(id);
        if (node == null) {
            return Optional.empty();
        }
        Group group = node.group;
        Map<Node, List<Node>> children = new IdentityHashMap<>();
        List<Node> tops = new ArrayList<>();
        for (Node member : group.members) {
            Node parent = parent(member);
            if (parent == null || parent.group != group) {
                tops.add(member);
            } else {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(member);
            }
        }
        Map<Node, long[]> earliest = earliest(group.members, children);
        Comparator<Node> order = Comparator.<Node>comparingLong(n -> earliest.get(n)[0])
                .thenComparingLong(n -> earliest.get(n)[1]).thenComparing(n -> n.id);
        tops.sort(Comparator.<Node, Boolean>comparing(n -> n != group.root).thenComparing(order));
        List<ThreadPosition> positions = new ArrayList<>(group.members.size());
        Set<Node> placed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node top : tops) {
            place(top, children, order, positions, placed);
        }
        // Members of a reference cycle have no top: show them as roots of their own.
        List<Node> left = new ArrayList<>();
        for (Node member : group.members) {
            if (!placed.contains(member)) {
                left.add(member);
            }
        }
        left.sort(order);
        for (Node member : left) {
            place(member, children, order, positions, placed);
        }
        return Optional.of(positions);
    }

    /**
     * Lays out the subtree under {@code top}, depth first, replies oldest first. A loop, not
     * recursion: a chain of thousands of references must not exhaust the stack.
     */
    private static void place(Node top, Map<Node, List<Node>> children, Comparator<Node> order,
                              List<ThreadPosition> positions, Set<Node> placed) {
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
        stack.push(top);
        depths.push(0);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            int depth = depths.pop();
            if (!placed.add(node)) {
                continue;
            }
            positions.add(new ThreadPosition(node.id, depth, !node.real));
            List<Node> replies = children.get(node);
            if (replies != null) {
                replies.sort(order);
                for (int i = replies.size() - 1; i >= 0; i--) {
                    stack.push(replies.get(i));
                    depths.push(depth + 1);
                }
            }
        }
    }

    /**
     * The oldest (date, sequence) of each member's subtree; ghosts have none of their own. Walked
     * bottom-up with an explicit stack; in a reference cycle a node is counted once.
     */
    private static Map<Node, long[]> earliest(List<Node> members, Map<Node, List<Node>> children) {
        Map<Node, long[]> memo = new IdentityHashMap<>();
        Set<Node> entered = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        for (Node start : members) {
            if (memo.containsKey(start)) {
                continue;
            }
            stack.push(start);
            while (!stack.isEmpty()) {
                Node node = stack.peek();
                if (memo.containsKey(node)) {
                    stack.pop();
                } else if (entered.add(node)) {
                    for (Node child : children.getOrDefault(node, List.of())) {
                        if (!entered.contains(child)) {
                            stack.push(child);
                        }
                    }
                } else {
                    stack.pop();
                    long[] best = node.real ? new long[] {node.date, node.seq}
                            : new long[] {Long.MAX_VALUE, Long.MAX_VALUE};
                    for (Node child : children.getOrDefault(node, List.of())) {
                        long[] candidate = memo.get(child);
                        if (candidate != null && before(candidate, best)) {
                            best = candidate;
                        }
                    }
                    memo.put(node, best);
                }
            }
        }
        return memo;
    }

    private static boolean before(long[] a, long[] b) {
        return a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]);
    }

    private Node newNode(String id) {
        Node node = new Node(id);
        node.group = new Group();
        node.group.members.add(node);
        node.group.root = node;
        nodes.put(id, node);
        return node;
    }

    private Node parent(Node node) {
        String parentId = node.real
                ? (node.refs.isEmpty() ? null : node.refs.get(node.refs.size() - 1))
                : node.ghostParent;
        return parentId == null ? null : nodes.get(parentId);
    }

    /** Whether walking up from {@code fromId} reaches {@code target} (which would make a cycle). */
    private boolean reaches(String fromId, Node target) {
        Node node = nodes.get(fromId);
        for (int steps = 0; node != null && steps <= nodes.size(); steps++) {
            if (node == target) {
                return true;
            }
            node = parent(node);
        }
        return node != null;
    }

    private static Group union(Group a, Group b) {
        if (a == b) {
            return a;
        }
        Group big = a.members.size() >= b.members.size() ? a : b;
        Group small = big == a ? b : a;
        for (Node member : small.members) {
            member.group = big;
        }
        big.members.addAll(small.members);
        return big;
    }

    /** The top of a member's ancestry, or the member itself when it sits in a reference cycle. */
    private Node top(Node node, int limit) {
        Node current = node;
        for (int steps = 0; steps <= limit; steps++) {
            Node parent = parent(current);
            if (parent == null) {
                return current;
            }
            current = parent;
        }
        return node;
    }

    private void chooseRoot(Group group) {
        Node best = null;
        Node bestMessage = null;
        int limit = group.members.size();
        for (Node member : group.members) {
            if (!member.real) {
                continue;
            }
            if (bestMessage == null || member.date < bestMessage.date
                    || (member.date == bestMessage.date && member.seq < bestMessage.seq)) {
                bestMessage = member;
            }
        }
        if (bestMessage != null) {
            best = top(bestMessage, limit);
        }
        group.root = best != null ? best : group.members.get(0);
    }

    /** Recomputes the threads of {@code members} after a removal broke links among them. */
    private void regroup(Collection<Node> members) {
        List<Node> all = new ArrayList<>(members);
        for (Node member : all) {
            member.group = new Group();
            member.group.members.add(member);
        }
        for (Node member : all) {
            if (member.real) {
                for (String ref : member.refs) {
                    Node target = nodes.get(ref);
                    if (target != null) {
                        member.group = union(member.group, target.group);
                    }
                }
            }
        }
        Set<Group> groups = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node member : all) {
            groups.add(member.group);
        }
        for (Group group : groups) {
            boolean anyMessage = group.members.stream().anyMatch(n -> n.real);
            if (anyMessage) {
                chooseRoot(group);
            } else {
                for (Node ghost : group.members) {
                    nodes.remove(ghost.id);
                }
            }
        }
    }
}
