package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.fail;

import atlantafx.base.theme.PrimerLight;
import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.EntryFields;
import dev.burrow.client.FileSystemQuery;
import dev.burrow.client.PostHogClient;
import dev.burrow.client.RetryPolicy;
import dev.burrow.server.ApiKey;
import dev.burrow.server.LocalServer;
import dev.burrow.server.ServerConfig;
import dev.burrow.tree.MoveJournal;
import dev.burrow.tree.TreeNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window against a real local server on a free loopback port. Each test gets a fresh
 * server with an empty store; {@link #seed()} creates its rows over the API before the window
 * connects. State is always checked on the server, over HTTP.
 */
abstract class WindowTestBase extends FxRobot {

    static final String KEY = "k1";
    static final long TIMEOUT_S = 10;

    Path dir;
    LocalServer server;
    PostHogClient api;
    FxTaskRunner runner;
    MainViewModel vm;
    MainWindow window;
    Stage stage;

    /** Rows for the test, created over the API before the window connects. */
    abstract void seed();

    /** Set by tests that put a {@link FaultyProxy} between the window and the server. */
    FaultyProxy proxy;

    /** True for tests whose window talks to the server through {@link #proxy}. */
    boolean proxied() {
        return false;
    }

    /** The base URL the window talks to (the proxy, when there is one). */
    String windowUrl() {
        return proxy != null ? proxy.baseUrl() : server.baseUrl();
    }

    @BeforeEach
    void startWindow() throws Exception {
        dir = Files.createTempDirectory("burrow-ui");
        server = LocalServer.start(new ServerConfig("127.0.0.1", 0, dir, List.of(new ApiKey(KEY, Set.of())),
                "empty", false, 1));
        api = PostHogClient.builder(server.baseUrl(), KEY, 1).retry(RetryPolicy.none()).build();
        seed();
        beforeConnect();
        stage = FxToolkit.registerPrimaryStage();
        runner = new FxTaskRunner(2);
        vm = new MainViewModel(runner, MoveJournal.Store.inMemory());
        FxToolkit.setupStage(s -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            window = new MainWindow(vm, url -> { }, () -> { });
            Scene scene = new Scene(window, 1200, 760);
            scene.getStylesheets().add(Objects.requireNonNull(BurrowApp.class.getResource("burrow.css"))
                    .toExternalForm());
            s.setScene(scene);
            s.setX(0);
            s.setY(0);
            s.show();
            s.toFront();
        });
        interact(() -> {
            vm.connect(new MainViewModel.Target("Local", windowUrl(), KEY, 1, true));
            window.tree().view().requestFocus();
        });
        awaitReady();
    }

    /** Waits for the window's first load: the root, then (a small tree) the whole index. */
    void awaitReady() {
        waitFx("the index loaded", () -> vm.session().index().isComplete() || vm.session().index().size() == 0
                && !vm.busyProperty().get() && vm.session().state("") instanceof dev.burrow.tree.FolderState.Loaded);
        idle();
    }

    /** A hook between seeding and connecting; the proxy starts here. */
    void beforeConnect() throws Exception {
        if (proxied()) {
            proxy = FaultyProxy.to(server.baseUrl());
        }
    }

    @AfterEach
    void stopWindow() throws Exception {
        FxToolkit.cleanupStages();
        if (vm != null) {
            interact(vm::close);
        }
        if (runner != null) {
            runner.close();
        }
        if (api != null) {
            api.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.close();
        }
        deleteTree(dir);
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ---- waiting --------------------------------------------------------------------------

    /** Waits until the condition holds (the FX queue drained before each look); fails with {@code what} after the timeout. */
    void waitUntil(String what, Callable<Boolean> condition) {
        try {
            await(what).until(() -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (ConditionTimeoutException e) {
            fail("Timed out after " + TIMEOUT_S + " s waiting until " + what);
        }
    }

    /** As {@link #waitUntil(String, Callable)}; a timeout also says what {@code state} reads then. */
    void waitUntil(String what, Callable<Boolean> condition, Callable<String> state) {
        try {
            waitUntil(what, condition);
        } catch (AssertionError e) {
            String now;
            try {
                now = state.call();
            } catch (Exception read) {
                now = "(unreadable: " + read + ")";
            }
            throw new AssertionError(e.getMessage() + "; now: " + now, e);
        }
    }

    /** Awaitility on the test thread, polling every 25 ms up to the timeout. */
    private static ConditionFactory await(String what) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(TIMEOUT_S)).pollInterval(Duration.ofMillis(25))
                .pollInSameThread();
    }

    /** As {@link #waitUntil}, with the condition read on the FX thread. */
    void waitFx(String what, Callable<Boolean> condition) {
        waitUntil(what, () -> onFx(condition));
    }

    /** Nothing in flight in the session, and the FX queue drained. */
    void idle() {
        waitFx("background work finished", () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    <T> T onFx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the server -----------------------------------------------------------------------

    private int refs;

    /** A row over the API; objects get a fresh ref (the server deletes objects by type and ref). */
    FileSystemEntry create(String path, String type) {
        EntryFields f = EntryFields.of(path, type);
        if (!"folder".equals(type)) {
            f.ref(Integer.toString(++refs));
        }
        return api.fileSystem().create(f);
    }

    FileSystemEntry folder(String path) {
        return create(path, "folder");
    }

    FileSystemEntry serverRow(String id) {
        return api.fileSystem().retrieve(id);
    }

    /** Every row on the server, keyed by path (several rows at one path join with " | "). */
    TreeMap<String, String> serverTree() {
        TreeMap<String, String> out = new TreeMap<>();
        for (FileSystemEntry e : api.fileSystem().listAll(FileSystemQuery.all().withLimit(1000))) {
            out.merge(e.path(), e.type(), (a, b) -> a + " | " + b);
        }
        return out;
    }

    List<String> serverPaths() {
        return new ArrayList<>(serverTree().keySet());
    }

    Optional<FileSystemEntry> serverRowAt(String path) {
        return api.fileSystem().listAll(FileSystemQuery.all().withLimit(1000)).stream()
                .filter(e -> e.path().equals(path)).findFirst();
    }

    long serverCount(String folderPath) {
        return api.fileSystem().countByPath(folderPath).count();
    }

    // ---- the tree -------------------------------------------------------------------------

    TreeView<Row> tree() {
        return window.tree().view();
    }

    /** The tree item of the node at this (escaped) path, among the items shown now. */
    Optional<TreeItem<Row>> item(String path) {
        return onFx(() -> Optional.ofNullable(find(tree().getRoot(), EntryPath.normalize(path))));
    }

    private static TreeItem<Row> find(TreeItem<Row> item, String path) {
        for (TreeItem<Row> c : item.getChildren()) {
            TreeNode n = c.getValue() == null ? null : c.getValue().treeNode();
            if (n != null && EntryPath.normalize(n.path()).equals(path)) {
                return c;
            }
            if (c.isExpanded()) {
                TreeItem<Row> f = find(c, path);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    /** Display paths of every node shown in the tree now, depth first. */
    List<String> shownPaths() {
        return onFx(() -> {
            List<String> out = new ArrayList<>();
            collect(tree().getRoot(), out);
            return out;
        });
    }

    private static void collect(TreeItem<Row> item, List<String> out) {
        for (TreeItem<Row> c : item.getChildren()) {
            TreeNode n = c.getValue() == null ? null : c.getValue().treeNode();
            if (n != null) {
                out.add(n.path());
            }
            if (c.isExpanded()) {
                collect(c, out);
            }
        }
    }

    /** Expands the folder at this path (through its disclosure arrow) and waits for its children. */
    void expand(String path) {
        TreeCell<Row> cell = cell(path);
        Node arrow = onFx(() -> cell.lookup(".arrow"));
        clickOn(arrow);
        waitUntil(path + " expanded", () -> item(path).map(TreeItem::isExpanded).orElse(false));
        idle();
    }

    /** Expands the folders on the way to (and including) this folder path. */
    void expandAll(String folderPath) {
        List<String> chain = new ArrayList<>(EntryPath.ancestors(folderPath));
        chain.add(EntryPath.normalize(folderPath));
        for (String p : chain) {
            if (!item(p).map(TreeItem::isExpanded).orElse(false)) {
                expand(p);
            }
        }
    }

    /** The visible cell showing the node at this path (scrolled into view); waits until it shows. */
    @SuppressWarnings("unchecked")
    /** The path of the first row in view; "" when none. */
    String firstVisible() {
        return onFx(() -> {
            javafx.scene.control.skin.VirtualFlow<?> flow =
                    (javafx.scene.control.skin.VirtualFlow<?>) tree().lookup(".virtual-flow");
            javafx.scene.control.IndexedCell<?> c = flow.getFirstVisibleCell();
            return c == null || !(c.getItem() instanceof Row r) || r.treeNode() == null ? ""
                    : EntryPath.normalize(r.treeNode().path());
        });
    }

    TreeCell<Row> cell(String path) {
        String want = EntryPath.normalize(path);
        TreeCell<Row>[] found = new TreeCell[1];
        try {
            await("a cell shows " + path).until(() -> {
                WaitForAsyncUtils.waitForFxEvents();
                found[0] = onFx(() -> {
                    TreeItem<Row> i = find(tree().getRoot(), want);
                    if (i == null) {
                        return null;
                    }
                    for (Node n : tree().lookupAll(".tree-cell")) {
                        if (n instanceof TreeCell<?> c && !c.isEmpty() && c.isVisible() && c.getTreeItem() == i) {
                            return (TreeCell<Row>) c;
                        }
                    }
                    tree().scrollTo(tree().getRow(i));
                    return null;
                });
                return found[0] != null;
            });
        } catch (ConditionTimeoutException e) {
            fail("No cell shows " + path + "; shown: " + shownPaths());
        }
        return found[0];
    }

    /** The text of the count badge on a folder's cell ("" when hidden). */
    String badge(String path) {
        TreeCell<Row> c = cell(path);
        return onFx(() -> {
            Label b = (Label) c.lookup(".count-badge");
            return b == null || !b.isVisible() ? "" : b.getText();
        });
    }

    String status() {
        return onFx(() -> ((Label) lookup("#status").query()).getText());
    }

    void select(String path) {
        clickOn(cell(path).lookup(".entry-name"));
        waitFx(path + " selected", () -> {
            TreeItem<Row> s = tree().getSelectionModel().getSelectedItem();
            return s != null && s.getValue().treeNode() != null
                    && EntryPath.normalize(s.getValue().treeNode().path()).equals(EntryPath.normalize(path));
        });
    }

    /**
     * What Details shows as its subject: the row's name for one selected node, the summary
     * ("3 selected — …") for several, "" for none.
     */
    String detailsSubject() {
        return onFx(() -> java.util.stream.Stream.concat(lookup("#details-pane .details-title").queryAll().stream(),
                        lookup("#details-pane #selection-summary").queryAll().stream())
                .filter(n -> n.getScene() != null && n.getParent() != null && n.isVisible())
                .map(n -> ((javafx.scene.control.Label) n).getText()).findFirst().orElse(""));
    }

    /** What {@link #detailsSubject()} must be for a selection of {@code count} nodes led by {@code leadName}. */
    static String subjectOf(int count, String leadName) {
        return count > 1 ? count + " selected" : leadName == null ? "" : leadName;
    }

    static void assertSubject(int count, String leadName, String shown) {
        String want = subjectOf(count, leadName);
        org.junit.jupiter.api.Assertions.assertTrue(count > 1 ? shown.startsWith(want + " — ") || shown.equals(want)
                : shown.equals(want), "Details shows the selection: want " + want + ", shown " + shown);
    }

    /** The paths the tree highlights. */
    java.util.Set<String> highlighted() {
        return onFx(() -> {
            java.util.Set<String> out = new java.util.TreeSet<>();
            for (TreeItem<Row> i : tree().getSelectionModel().getSelectedItems()) {
                if (i != null && i.getValue() != null && i.getValue().treeNode() != null) {
                    out.add(dev.burrow.api.EntryPath.normalize(i.getValue().treeNode().path()));
                }
            }
            return out;
        });
    }

    /** Renames a row as a person does: select it, F2, type the new name, Enter. */
    void renameWithF2(String path, String name) {
        select(path);
        push(javafx.scene.input.KeyCode.F2);
        waitFx("the rename field shows", () -> lookup(".rename-field").tryQuery().isPresent());
        write(name);
        push(javafx.scene.input.KeyCode.ENTER);
    }
}
