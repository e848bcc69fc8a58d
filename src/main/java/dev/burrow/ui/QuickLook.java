package dev.burrow.ui;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.TreeNode;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

/**
 * Quick look: Space on a dashboard or insight shows its picture (a PNG export made on demand,
 * kept for the session) in a window beside the selected row, never over it, with progress while
 * it renders; Escape or Space closes it. Tells two similarly named insights apart without leaving the tree.
 */
final class QuickLook {

    /** How much taller the window gets when the picture replaces the spinner (420 px picture, 260 px spinner). */
    private static final double PICTURE_ROOM = 160;

    private final MainViewModel vm;
    private final TreeView<Row> tree;
    private final Previews previews;
    private Stage stage;
    private Runnable cancel = () -> { };

    /** {@code typing}: true while type-to-jump is collecting letters (a space then belongs to the name). */
    QuickLook(MainViewModel vm, TreeView<Row> tree, BooleanSupplier typing) {
        this.vm = vm;
        this.tree = tree;
        this.previews = new Previews(vm.runner(), () -> vm.exports().client());
        tree.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !e.isShortcutDown() && !e.isShiftDown() && tree.getEditingItem() == null
                    && !typing.getAsBoolean()) {
                TreeNode lead = vm.tree().selectedProperty().get();
                if (lead != null && Previews.previewable(lead.row())) {
                    e.consume();
                    toggle(lead.row());
                } else if (lead != null) {
                    // the tree's own Space would take the row out of the selection
                    e.consume();
                    vm.statusMessage("Quick look (Space) shows dashboards and insights; “" + lead.name()
                            + "” has no preview.");
                }
            }
        });
    }

    boolean showing() {
        return stage != null && stage.isShowing();
    }

    Stage stage() {
        return stage;
    }

    private void toggle(FileSystemEntry row) {
        if (showing()) {
            close();
            return;
        }
        open(row);
    }

    void open(FileSystemEntry row) {
        Window owner = tree.getScene() == null ? null : tree.getScene().getWindow();
        Label title = new Label(Icons.typeLabel(row.type()) + " “" + row.name() + "”");
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        Label words = new Label();
        words.setId("quick-look-status");
        words.setWrapText(true);
        words.setMaxWidth(520);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(36, 36);
        ImageView picture = new ImageView();
        picture.setId("quick-look-image");
        picture.setPreserveRatio(true);
        picture.setFitWidth(720);
        picture.setFitHeight(420);
        StackPane middle = new StackPane(new VBox(10, spinner, words));
        ((VBox) middle.getChildren().get(0)).setAlignment(Pos.CENTER);
        middle.setMinSize(520, 260);
        Label hint = new Label("Escape or Space closes the quick look.");
        hint.getStyleClass().add("text-muted");
        BorderPane root = new BorderPane(middle, title, null, hint, null);
        root.setId("quick-look");
        root.getStyleClass().add("quick-look");
        root.setPadding(new Insets(14));
        BorderPane.setMargin(middle, new Insets(10, 0, 10, 0));
        stage = new Stage(StageStyle.UTILITY);
        if (owner != null) {
            stage.initOwner(owner);
            root.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setTitle("Quick look: " + row.name());
        Scene scene = new Scene(root);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.SPACE) {
                e.consume();
                close();
            }
        });
        stage.setScene(scene);
        stage.setOnHidden(e -> cancel.run());
        cancel = previews.show(row, new Previews.Listener() {
            @Override
            public void progress(String sentence) {
                words.setText(sentence);
            }

            @Override
            public void ready(Path png) {
                // read at most twice the box's size (sharp on a high-density screen), never whole
                vm.runner().run(() -> PreviewImages.read(png, 2 * 720, 2 * 420), image -> {
                    picture.setImage(image);
                    middle.getChildren().setAll(picture);
                    fit(picture);
                }, error -> failed(dev.burrow.tree.TreeSession.message(error)));
            }

            @Override
            public void failed(String message) {
                spinner.setVisible(false);
                spinner.setManaged(false);
                words.setText("No preview: " + message);
            }
        });
        stage.show();
        place(null);
    }

    /** The picture's size changed: the window takes its size again and its place beside the row. */
    private void fit(ImageView picture) {
        if (stage != null) {
            stage.sizeToScene();
            place(picture);
        }
    }

    /**
     * Puts the window beside the selected row, never over it (see {@link BesideRow}); when no side
     * has room for it whole, the picture is made shorter. Centred on the main window when the row
     * is scrolled out of sight.
     */
    private void place(ImageView picture) {
        Window owner = stage.getOwner();
        if (owner == null) {
            return;
        }
        Rectangle2D window = new Rectangle2D(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight());
        Rectangle2D row = selectedRow();
        if (row == null) {
            stage.setX(owner.getX() + (owner.getWidth() - stage.getWidth()) / 2);
            stage.setY(owner.getY() + (owner.getHeight() - stage.getHeight()) / 3);
            return;
        }
        Rectangle2D screen = Screen.getScreensForRectangle(window).stream().findFirst().orElse(Screen.getPrimary())
                .getVisualBounds();
        // while it renders, the side is chosen with room for the picture to come
        double room = stage.getHeight() + (picture == null ? PICTURE_ROOM : 0);
        Rectangle2D at = BesideRow.place(row, window, screen, stage.getWidth(), stage.getHeight(), room);
        double tooTall = stage.getHeight() - at.getHeight();
        if (tooTall > 0 && picture != null) {
            picture.setFitHeight(Math.max(80, picture.getFitHeight() - tooTall));
            stage.sizeToScene();
            at = BesideRow.place(row, window, screen, stage.getWidth(), stage.getHeight());
        }
        stage.setX(at.getMinX());
        stage.setY(at.getMinY());
    }

    /** The selected row's cell on screen, or null when it is not in sight. */
    private Rectangle2D selectedRow() {
        int index = tree.getSelectionModel().getSelectedIndex();
        for (Node n : tree.lookupAll(".tree-cell")) {
            if (n instanceof TreeCell<?> cell && cell.isVisible() && cell.getTreeItem() != null && cell.getIndex() == index) {
                Bounds b = cell.localToScreen(cell.getBoundsInLocal());
                return b == null ? null : new Rectangle2D(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
            }
        }
        return null;
    }

    void close() {
        cancel.run();
        cancel = () -> { };
        if (stage != null) {
            stage.hide();
            stage = null;
        }
        tree.requestFocus();
    }
}
