package dev.burrow.ui;

import java.util.concurrent.Callable;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Tests of what the tree's helpers do to a plain tree of strings, on the FX thread, with no window. */
abstract class StringTreeTestBase {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Runs {@code c} on the FX thread and waits for its answer. */
    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    /** An open root of {@code children} items "item 0", "item 1"…, several of them selectable at once. */
    static TreeView<String> tree(int children) {
        TreeItem<String> root = new TreeItem<>("root");
        for (int i = 0; i < children; i++) {
            root.getChildren().add(new TreeItem<>("item " + i));
        }
        root.setExpanded(true);
        TreeView<String> view = new TreeView<>(root);
        view.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        return view;
    }
}
