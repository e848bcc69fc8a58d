package dev.burrow.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Tab and Shift+Tab through the window's panes in a fixed order (search, shortcuts, tree,
 * details, exports), and through the controls inside a pane before leaving it. A pane that is
 * behind a tab is brought forward as focus enters it.
 */
final class FocusCycle {

    /** A pane: its root, what brings it forward (may do nothing), and where focus goes when it has no control. */
    record Stop(String name, Node root, Runnable bringForward, Node fallback) {
    }

    private final List<Stop> stops;

    FocusCycle(Node window, List<Stop> stops) {
        this.stops = List.copyOf(stops);
        window.addEventFilter(KeyEvent.KEY_PRESSED, this::tab);
    }

    private void tab(KeyEvent e) {
        if (e.getCode() != KeyCode.TAB || e.isShortcutDown() || e.isAltDown() || e.getTarget() == null) {
            return;
        }
        Node owner = e.getTarget() instanceof Node n ? n : null;
        int at = stopOf(owner);
        if (at < 0) {
            return; // a dialog, or a part of the window outside the cycle: the default traversal
        }
        e.consume();
        boolean back = e.isShiftDown();
        List<Node> inside = focusables(stops.get(at).root());
        int i = indexOf(inside, owner);
        if (i >= 0 && (back ? i > 0 : i < inside.size() - 1)) {
            inside.get(back ? i - 1 : i + 1).requestFocus();
            return;
        }
        int n = stops.size();
        enter((at + (back ? n - 1 : 1)) % n, back);
    }

    /** Moves focus into a stop: its first control (its last, going back). */
    void enter(int index, boolean atEnd) {
        Stop s = stops.get(index);
        s.bringForward().run();
        s.root().applyCss();
        List<Node> inside = focusables(s.root());
        if (inside.isEmpty()) {
            s.fallback().requestFocus();
        } else {
            inside.get(atEnd ? inside.size() - 1 : 0).requestFocus();
        }
    }

    /** The index of the stop holding this node, or -1. */
    int stopOf(Node node) {
        for (Node p = node; p != null; p = p.getParent()) {
            for (int i = 0; i < stops.size(); i++) {
                if (stops.get(i).root() == p || stops.get(i).fallback() == p) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int indexOf(List<Node> inside, Node owner) {
        for (Node p = owner; p != null; p = p.getParent()) {
            int i = inside.indexOf(p);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The focusable controls inside a pane, in layout order; a control's own parts are not counted. */
    static List<Node> focusables(Node root) {
        List<Node> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<Node> out) {
        if (!n.isVisible() || n.isDisabled()) {
            return;
        }
        if (n.isFocusTraversable() && n instanceof javafx.scene.control.Control) {
            out.add(n);
            return;
        }
        if (n instanceof Parent p && !(n instanceof javafx.scene.control.Control c && c.getSkin() == null)) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }
}
