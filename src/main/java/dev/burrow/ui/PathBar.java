package dev.burrow.ui;

import dev.burrow.api.EntryPath;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.TreeItem;
import org.controlsfx.control.BreadCrumbBar;

/**
 * The selected row's path as a ControlsFX breadcrumb: "Project › Marketing › Campaigns › Launch";
 * a click on a segment reveals and selects that folder ("" for the top level).
 */
final class PathBar extends BreadCrumbBar<String> {

    PathBar(Consumer<String> reveal) {
        setId("path-bar");
        getStyleClass().add("path-bar");
        setAutoNavigationEnabled(false);
        setCrumbFactory(item -> {
            String path = item.getValue();
            BreadCrumbButton b = new BreadCrumbButton(path.isEmpty() ? "Project" : EntryPath.leaf(path));
            b.getStyleClass().add("crumb");
            b.setMnemonicParsing(false);
            return b;
        });
        setOnCrumbAction(e -> reveal.accept(e.getSelectedCrumb().getValue()));
        // A long path never widens Details: the bar is clipped to its room, the whole path in its tooltip.
        setMinWidth(0);
        setPrefWidth(0);
        setMaxWidth(Double.MAX_VALUE);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setTooltip(tip);
    }

    /**
     * A path longer than the bar shows its end, as a path bar should: the row and its nearest
     * folders, starting at a whole crumb; the first crumbs go out of the clip on the left.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        List<javafx.scene.Node> crumbs = getChildrenUnmodifiable();
        double end = 0;
        for (javafx.scene.Node n : crumbs) {
            end = Math.max(end, n.getLayoutX() + n.getLayoutBounds().getWidth());
        }
        double shift = 0;
        if (end > getWidth() && !crumbs.isEmpty()) {
            shift = -crumbs.get(crumbs.size() - 1).getLayoutX(); // the row alone is wider: its start
            for (javafx.scene.Node n : crumbs) {
                if (end - n.getLayoutX() <= getWidth()) {
                    shift = -n.getLayoutX();
                    break;
                }
            }
        }
        for (javafx.scene.Node n : crumbs) {
            n.setTranslateX(shift);
        }
    }

    private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

    /** Shows this (escaped) path: one crumb for the top level and one per segment. */
    void show(String path) {
        List<String> chain = new ArrayList<>();
        chain.add("");
        String normal = EntryPath.normalize(path);
        chain.addAll(EntryPath.ancestors(normal));
        if (!normal.isEmpty()) {
            chain.add(normal);
        }
        List<String> unique = chain.stream().distinct().toList();
        tip.setText(normal.isEmpty() ? "Project" : "Project / " + String.join(" / ", EntryPath.split(normal)));
        TreeItem<String> last = buildTreeModel(unique.toArray(new String[0]));
        setSelectedCrumb(last);
    }
}
