package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;
import org.junit.jupiter.api.Test;

/**
 * A search shown while the view is far down a long folder uses the cells the tree has: the
 * matches end above the rows that were in view, and the flow, left where it was, spent its
 * cells on empty lines below the last match and made a new cell (styled from nothing) for
 * every match above it. The matches show from their top.
 */
class SearchCellsWindowTest extends WindowTestBase {

    @Override
    void seed() {
        folder("Big");
        for (int i = 0; i < 120; i++) {
            create("Big/Report " + (100 + i), "insight");
        }
        folder("Sales");
        for (int i = 0; i < 8; i++) {
            create("Sales/Checkout " + i, "dashboard");
        }
        folder("Many");
        for (int i = 0; i < 60; i++) {
            create("Many/Churn " + (100 + i), "insight");
        }
    }

    private Set<Node> cells() {
        return onFx(() -> {
            Set<Node> out = Collections.newSetFromMap(new IdentityHashMap<>());
            out.addAll(tree().lookupAll(".entry-cell"));
            return out;
        });
    }

    private int firstInView() {
        return onFx(() -> {
            IndexedCell<?> first = ((VirtualFlow<?>) tree().lookup(".virtual-flow")).getFirstVisibleCell();
            return first == null ? -1 : first.getIndex();
        });
    }

    /** Searches with the view at the end of Big; answers the cells made for the matches. */
    private int newCellsForSearch(String text, int rows) {
        expandAll("Big");
        idle();
        interact(() -> tree().scrollTo(tree().getExpandedItemCount() - 1));
        idle();
        Set<Node> before = cells();
        interact(() -> window.searchField().setText(text));
        waitUntil("the matches show", () -> shownPaths().size() == rows);
        idle();
        Set<Node> after = cells();
        after.removeAll(before);
        return after.size();
    }

    @Test
    void aFewMatchesShowInTheCellsThereAre() {
        assertEquals(0, newCellsForSearch("Checkout", 9), "cells made for nine matches");
        assertEquals(0, firstInView(), "the matches show from their top");
    }

    @Test
    void aScreenfulOfMatchesShowsInTheCellsThereAre() {
        assertEquals(0, newCellsForSearch("Churn", 61), "cells made for more matches than the view shows");
        assertEquals(0, firstInView(), "the matches show from their top");
    }
}
