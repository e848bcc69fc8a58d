package dev.burrow.ui;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Small windows: two toolbar toggles show and hide the side panes (shortcuts on the left,
 * details and exports on the right), and below {@link #NARROW} pixels both fold away on their
 * own, the search field narrows and the connection's name (and what the toolbar can spare) hides, so the tree keeps its room.
 */
final class PaneToggles {

    /** Below this width the side panes fold away (they can still be shown with the toggles). */
    static final double NARROW = 1000;

    private final SplitPane split;
    private final Node left;
    private final Node tree;
    private final Node right;
    private final ToggleButton showLeft = new ToggleButton();
    private final ToggleButton showRight = new ToggleButton();

    PaneToggles(Region window, SplitPane split, Node left, Node tree, Node right, TextField search, Node... hideWhenNarrow) {
        this.split = split;
        this.left = left;
        this.tree = tree;
        this.right = right;
        if (tree instanceof Region r) {
            r.setMinWidth(200); // the tree never folds to nothing between the side panes
        }
        setUp(showLeft, "toggle-shortcuts", "Show or hide the shortcuts", Material2MZ.VIEW_SIDEBAR);
        setUp(showRight, "toggle-details", "Show or hide details and exports", Material2AL.CHROME_READER_MODE);
        showLeft.selectedProperty().addListener((o, a, on) -> layout());
        showRight.selectedProperty().addListener((o, a, on) -> layout());
        window.widthProperty().addListener((o, was, now) -> {
            boolean narrow = now.doubleValue() < NARROW;
            if (narrow != was.doubleValue() < NARROW || was.doubleValue() == 0) {
                showLeft.setSelected(!narrow);
                showRight.setSelected(!narrow);
                search.setPrefColumnCount(narrow ? 10 : 28);
                for (Node n : hideWhenNarrow) {
                    n.setVisible(!narrow);
                    n.setManaged(!narrow);
                }
            }
        });
    }

    private static void setUp(ToggleButton b, String id, String tip, org.kordamp.ikonli.Ikon icon) {
        b.setId(id);
        b.setGraphic(Icons.icon(icon, 18));
        b.getStyleClass().add("flat");
        b.setTooltip(new Tooltip(tip));
        b.setSelected(true);
        b.setFocusTraversable(false);
    }

    /** Puts the toggles at the toolbar's start, where a narrow window keeps them. */
    void install(ToolBar bar) {
        bar.getItems().addAll(0, java.util.List.of(showLeft, showRight, new Separator(Orientation.VERTICAL)));
    }

    ToggleButton leftToggle() {
        return showLeft;
    }

    ToggleButton rightToggle() {
        return showRight;
    }

    /** The split's panes as the toggles say, with the tree given most of the room. */
    private void layout() {
        boolean l = showLeft.isSelected();
        boolean r = showRight.isSelected();
        java.util.List<Node> items = new java.util.ArrayList<>();
        if (l) {
            items.add(left);
        }
        items.add(tree);
        if (r) {
            items.add(right);
        }
        if (split.getItems().equals(items)) {
            return;
        }
        split.getItems().setAll(items);
        // after the split has laid out its new panes: it resets the dividers as they come and go
        javafx.application.Platform.runLater(() -> {
            if (l && r) {
                split.setDividerPositions(0.18, 0.70);
            } else if (l) {
                split.setDividerPositions(0.26);
            } else if (r) {
                split.setDividerPositions(0.60);
            }
        });
    }
}
