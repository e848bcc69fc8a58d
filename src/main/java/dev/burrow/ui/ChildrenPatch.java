package dev.burrow.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * Turns a folder item's children into a new list by removing and inserting the few items that
 * differ, in place, instead of {@code setAll}: the items both lists share stay put and the tree
 * hears one small change per run (a move out of a 10,000-child folder replaced all 10,000 items
 * in one change, which the tree, its selection and its cells each went through). Used only when
 * the shared items keep their order and the differences come in a few runs; otherwise the
 * caller sets the list whole.
 */
final class ChildrenPatch {

    /** At most this many runs of removed or added items are patched (each run is one change the tree handles). */
    static final int MAX_RUNS = 8;

    private ChildrenPatch() {
    }

    /** A run of {@code count} items at {@code at}: removed from the old list, or added at that place of the new one. */
    private record Run(int at, int count) {
    }

    /**
     * Makes {@code children} hold exactly {@code next} (by identity) with removals and insertions of
     * runs; answers false, having changed nothing, when a patch does not fit (the shared items
     * moved relative to each other, or more than {@link #MAX_RUNS} runs).
     */
    static <T> boolean apply(ObservableList<TreeItem<T>> children, List<TreeItem<T>> next) {
        // the lists share a head and a tail (a move out of a folder: all but one item): only the
        // part between is compared through sets, so a 10,000-line folder costs two quick walks
        int head = 0;
        int most = Math.min(children.size(), next.size());
        while (head < most && children.get(head) == next.get(head)) {
            head++;
        }
        int tail = 0;
        while (tail < most - head && children.get(children.size() - 1 - tail) == next.get(next.size() - 1 - tail)) {
            tail++;
        }
        List<TreeItem<T>> oldMiddle = children.subList(head, children.size() - tail);
        List<TreeItem<T>> newMiddle = next.subList(head, next.size() - tail);
        Set<TreeItem<T>> inNext = identitySet(newMiddle);
        Set<TreeItem<T>> inOld = identitySet(oldMiddle);
        List<Run> removed = runs(oldMiddle, inNext);
        List<Run> added = runs(newMiddle, inOld);
        if (removed == null || added == null || removed.size() + added.size() > MAX_RUNS || !sameOrder(oldMiddle,
                inNext, newMiddle, inOld)) {
            return false;
        }
        for (int i = removed.size() - 1; i >= 0; i--) {
            Run r = removed.get(i);
            if (r.count() == 1) {
                children.remove(head + r.at());
            } else {
                children.remove(head + r.at(), head + r.at() + r.count());
            }
        }
        for (Run r : added) {
            if (r.count() == 1) {
                children.add(head + r.at(), newMiddle.get(r.at()));
            } else {
                children.addAll(head + r.at(), List.copyOf(newMiddle.subList(r.at(), r.at() + r.count())));
            }
        }
        return true;
    }

    private static <T> Set<TreeItem<T>> identitySet(List<TreeItem<T>> items) {
        Set<TreeItem<T>> out = Collections.newSetFromMap(new IdentityHashMap<>(items.size() * 2));
        out.addAll(items);
        return out;
    }

    /** The runs of items of {@code list} not in {@code other}; null once there are too many to patch. */
    private static <T> List<Run> runs(List<TreeItem<T>> list, Set<TreeItem<T>> other) {
        List<Run> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= list.size(); i++) {
            boolean differs = i < list.size() && !other.contains(list.get(i));
            if (differs && start < 0) {
                start = i;
            } else if (!differs && start >= 0) {
                out.add(new Run(start, i - start));
                start = -1;
                if (out.size() > MAX_RUNS) {
                    return null;
                }
            }
        }
        return out;
    }

    /** Whether the items both lists hold come in the same order in each. */
    private static <T> boolean sameOrder(List<TreeItem<T>> old, Set<TreeItem<T>> inNext, List<TreeItem<T>> next,
            Set<TreeItem<T>> inOld) {
        int j = 0;
        for (TreeItem<T> item : old) {
            if (!inNext.contains(item)) {
                continue;
            }
            while (j < next.size() && !inOld.contains(next.get(j))) {
                j++;
            }
            if (j >= next.size() || next.get(j) != item) {
                return false;
            }
            j++;
        }
        return true;
    }
}
