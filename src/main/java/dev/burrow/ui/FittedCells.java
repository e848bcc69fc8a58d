package dev.burrow.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Lists of paths in dialogs (what a delete takes, what it cannot restore): each line fits the
 * list's width. A line too long gives up the folders in the middle of its path first, so that the
 * type, the top folder and the row's own name stay readable ("Destination · Engineering / … /
 * Customer.io webhook"); the whole line is its tooltip. A cell as wide as its text gave the list a
 * horizontal scroll bar and cut every long line at the right edge, where the name is.
 */
final class FittedCells {

    /** AtlantaFX's dense list cell: 2em of the theme's 14 px font. */
    private static final double LINE = 28;
    private static final String TYPE_SEPARATOR = " · ";
    private static final String PATH_SEPARATOR = " / ";

    private FittedCells() {
    }

    static void fit(ListView<String> list) {
        list.getStyleClass().add("dense");
        list.setCellFactory(l -> new Line<>(java.util.function.Function.identity()));
    }

    /** As {@link #fit(ListView)} for items shown as {@code text} says (the list keeps its own cell size). */
    static <T> void fit(ListView<T> list, java.util.function.Function<T, String> text) {
        list.setCellFactory(l -> new Line<>(text));
    }

    /** A list's height for this many lines, no taller than {@code most}: every line shows when they fit. */
    static double height(int lines, double most) {
        return Math.min(most, LINE * lines + 4);
    }

    /**
     * The line shortened to {@code room} pixels in {@code font}: folders after the first one give
     * way to "…" from the middle outwards, the name last; the line as it is when it fits or when
     * nothing can go.
     */
    static String shorten(String line, Font font, double room) {
        Text probe = new Text();
        probe.setFont(font);
        if (fits(probe, line, room)) {
            return line;
        }
        int dot = line.indexOf(TYPE_SEPARATOR);
        String type = dot < 0 ? "" : line.substring(0, dot + TYPE_SEPARATOR.length());
        List<String> parts = Arrays.asList(line.substring(type.length()).split(PATH_SEPARATOR));
        if (parts.size() < 3) {
            return line;
        }
        // drop a run of the folders between the first and the name, centred, one more each time
        int middle = parts.size() - 2;
        for (int dropped = 1; dropped <= middle; dropped++) {
            int from = 1 + (middle - dropped) / 2;
            List<String> shown = new ArrayList<>(parts.subList(0, from));
            shown.add("…");
            shown.addAll(parts.subList(from + dropped, parts.size()));
            String candidate = type + String.join(PATH_SEPARATOR, shown);
            if (fits(probe, candidate, room)) {
                return candidate;
            }
        }
        return type + "…" + PATH_SEPARATOR + parts.get(parts.size() - 1);
    }

    private static boolean fits(Text probe, String s, double room) {
        probe.setText(s);
        return probe.getLayoutBounds().getWidth() <= room;
    }

    private static final class Line<T> extends ListCell<T> {

        private final Tooltip whole = new Tooltip();
        private final java.util.function.Function<T, String> text;

        Line(java.util.function.Function<T, String> text) {
            this.text = text;
            // no wider than the list: the list never scrolls sideways, the text shortens instead
            setPrefWidth(0);
            setEllipsisString("…");
            widthProperty().addListener((o, was, now) -> show());
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            whole.setText(empty || item == null ? null : text.apply(item));
            setTooltip(empty || item == null ? null : whole);
            show();
        }

        private void show() {
            if (isEmpty() || getItem() == null) {
                setText(null);
                return;
            }
            String item = text.apply(getItem());
            double room = getWidth() - snappedLeftInset() - snappedRightInset();
            setText(room <= 0 ? item : shorten(item, getFont(), room));
        }
    }
}
