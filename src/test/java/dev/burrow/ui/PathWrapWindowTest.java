package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.GridPane;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

/**
 * The Path fact in a narrow Details pane wraps only between segments (right after a separating
 * "/", never after an escaped "\/", never inside a name), and reads back as the path exactly.
 */
class PathWrapWindowTest extends WindowTestBase {

    static final String FOLDER = "Engineering/Data/Pipelines/Destinations/Inbound \\/ outbound hooks";
    static final String LEAF = "Webhook to CRM accounts";
    static final String DEEP = FOLDER + "/" + LEAF;
    static final String WIDE = "Engineering/Data/A destination whose name alone is wider than the whole Details pane";

    @Override
    void seed() {
        folder("Engineering");
        create(DEEP, "hog_function/destination");
        create(WIDE, "hog_function/destination");
    }

    @Test
    void aLongPathWrapsOnlyAfterASeparatingSlash() {
        narrowDetails();
        expandAll(FOLDER);
        select(DEEP);
        waitFx("the details show the row", () -> LEAF.equals(detailsSubject()));
        idle();

        Node value = onFx(this::pathValue);
        List<String> lines = onFx(() -> lines(value));
        assertEquals(DEEP, String.join("", lines), "the value reads as the path, every character: " + lines);
        assertTrue(lines.size() >= 3, "the path wraps in the narrow pane: " + lines);
        double widest = onFx(() -> widestSegment(value, DEEP));
        double room = onFx(() -> value.getParent().getLayoutBounds().getWidth() - value.getBoundsInParent().getMinX());
        assertTrue(widest < room, "each segment alone fits its room (" + widest + " < " + room + ")");
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertTrue(endsAtSeparator(line), "a line ends right after a separating '/', not inside a name: " + lines);
        }
        assertTrue(onFx(() -> value.getBoundsInParent().getMaxX() <= value.getParent().getLayoutBounds().getWidth() + 0.5),
                "the value stays inside the pane: " + lines);
    }

    @Test
    void aSegmentWiderThanThePaneWrapsInsideItselfAndStaysWhole() {
        narrowDetails();
        expandAll("Engineering/Data");
        select(WIDE);
        waitFx("the details show the row", () -> WIDE.endsWith("/" + detailsSubject()) && !detailsSubject().isEmpty());
        idle();

        Node value = onFx(this::pathValue);
        List<String> lines = onFx(() -> lines(value));
        assertEquals(WIDE, String.join("", lines), "the value reads as the path, every character: " + lines);
        assertEquals("Engineering/Data/", lines.get(0), "the folders keep their line: " + lines);
        assertTrue(lines.size() >= 3, "the wide name wraps inside itself: " + lines);
        assertTrue(onFx(() -> value.getBoundsInParent().getMaxX() <= value.getParent().getLayoutBounds().getWidth() + 0.5),
                "the value stays inside the pane: " + lines);
    }

    /** The Details pane a little narrower than the window gives it by default. */
    private void narrowDetails() {
        interact(() -> ((SplitPane) lookup(".split-pane").query()).setDividerPosition(1, 0.72));
        idle();
    }

    /** The width of the widest segment of {@code path} (with its '/') in the value's own font. */
    private static double widestSegment(Node value, String path) {
        Text shown = (Text) value.lookup(".text");
        return dev.burrow.api.EntryPath.piecesAfterSeparators(path).stream().mapToDouble(piece -> {
            Text t = new Text(piece);
            t.setFont(shown.getFont());
            return t.getLayoutBounds().getWidth();
        }).max().orElse(0);
    }

    /** The node in the facts grid on the row whose muted name is "Path". */
    private Node pathValue() {
        Label key = lookup("#details-pane .label").queryAll().stream()
                .filter(n -> n instanceof Label l && "Path".equals(l.getText()) && l.getParent() instanceof GridPane)
                .map(n -> (Label) n).findFirst().orElseThrow();
        GridPane grid = (GridPane) key.getParent();
        Integer row = GridPane.getRowIndex(key);
        return grid.getChildren().stream()
                .filter(n -> n != key && java.util.Objects.equals(GridPane.getRowIndex(n), row))
                .findFirst().orElseThrow();
    }

    /**
     * The value's text as laid out on screen, one string per line: every character of every text
     * node inside, in order, with a new line wherever a character sits lower than the one before.
     */
    private static List<String> lines(Node value) {
        List<Text> texts = value.lookupAll(".text").stream().filter(n -> n instanceof Text).map(n -> (Text) n)
                .filter(t -> t.getText() != null && !t.getText().isEmpty()).toList();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double lineY = Double.NaN;
        for (Text t : texts) {
            for (int i = 0; i < t.getText().length(); i++) {
                double y = top(t, i);
                if (!Double.isNaN(y) && !Double.isNaN(lineY) && y > lineY + 1) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (!Double.isNaN(y)) {
                    lineY = y;
                }
                line.append(t.getText().charAt(i));
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The scene y of the top of character {@code i}'s box, NaN when it has none (a wrapped space). */
    private static double top(Text t, int i) {
        double top = Double.NaN;
        for (PathElement e : t.rangeShape(i, i + 1)) {
            double y = e instanceof MoveTo m ? m.getY() : e instanceof LineTo l ? l.getY() : Double.NaN;
            if (!Double.isNaN(y) && (Double.isNaN(top) || y < top)) {
                top = y;
            }
        }
        if (Double.isNaN(top)) {
            return top;
        }
        Point2D p = t.localToScene(0, top);
        return p.getY();
    }

    /** Whether the line ends with a '/' that separates segments (not an escaped "\/"). */
    private static boolean endsAtSeparator(String line) {
        if (!line.endsWith("/")) {
            return false;
        }
        int backslashes = 0;
        for (int i = line.length() - 2; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 0;
    }
}
