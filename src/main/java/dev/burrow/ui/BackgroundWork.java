package dev.burrow.ui;

import dev.burrow.exports.ExportState;
import dev.burrow.tree.Progress;
import dev.burrow.tree.TreeSession;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.TaskProgressView;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Background work in one place: a ControlsFX {@code TaskProgressView} above the status bar,
 * shown by a toggle that counts what runs. It lists the index load, every export with its
 * download, and every edit that takes a while (a folder moving row by row, its undo), each with
 * progress and a cancel that stops the real work.
 */
final class BackgroundWork {

    /**
     * A line of the view standing for work that runs elsewhere: the work reports into it, and
     * its cancel button cancels the work. It "runs" on a daemon thread that only waits for the
     * work to end (the view offers cancel for running tasks only).
     */
    static class Work extends Task<Void> {
        private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

        Work(String title, Runnable onCancel) {
            updateTitle(title);
            updateProgress(-1, 1);
            stateProperty().addListener((o, a, s) -> {
                if (s == State.CANCELLED) {
                    onCancel.run();
                }
            });
        }

        void report(String message, double fraction) {
            updateMessage(message);
            updateProgress(fraction < 0 ? -1 : fraction, 1);
        }

        /** The work ended: the line goes. */
        void end() {
            ended.countDown();
        }

        /** False while the work cannot stop part-way: its line shows no Cancel. */
        boolean stoppable() {
            return true;
        }

        void start() {
            Thread t = new Thread(this, "burrow-background-line");
            t.setDaemon(true);
            t.start();
        }

        @Override
        protected Void call() throws InterruptedException {
            ended.await();
            return null;
        }
    }

    /**
     * A line for an edit: its cancel asks the edit to stop and the line stays, saying what
     * happens, until the edit has put back what it did and ended.
     */
    static final class EditLine extends Work {
        private final Progress progress;

        EditLine(Progress progress) {
            super(progress.title(), () -> { });
            this.progress = progress;
            show();
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            progress.cancel();
            show();
            return false;
        }

        void show() {
            report(progress.isCancellable() || progress.isPuttingBack() || progress.isCancelled() ? progress.message()
                    : progress.message() + " (this can't be stopped part-way)", progress.fraction());
        }

        @Override
        boolean stoppable() {
            return progress.isCancellable() && !progress.isPuttingBack() && !progress.isCancelled();
        }
    }

    /** An edit gets a line when it still runs after this long (a rename comes and goes unseen). */
    static final Duration EDIT_SHOWN_AFTER = Duration.millis(300);

    private final MainViewModel vm;
    private final Map<Progress, EditLine> edits = new HashMap<>();
    private final Set<TreeSession> followed = Collections.newSetFromMap(new WeakHashMap<>());
    private final TaskProgressView<Work> view = new TaskProgressView<>();
    private final ToggleButton toggle = new ToggleButton();
    private Work indexLoad;
    private final Runnable cancels = this::showCancels;

    BackgroundWork(MainViewModel vm) {
        this.vm = vm;
        view.setId("background-work");
        // as tall as its lines, up to three
        view.prefHeightProperty().bind(Bindings.min(200, Bindings.size(view.getTasks()).multiply(64).add(8)));
        view.visibleProperty().bind(toggle.selectedProperty().and(Bindings.isNotEmpty(view.getTasks())));
        view.managedProperty().bind(view.visibleProperty());
        toggle.setId("background-toggle");
        toggle.getStyleClass().addAll("flat", "small");
        toggle.setGraphic(Icons.icon(Material2MZ.SYNC, 14));
        toggle.setTooltip(new Tooltip("Background work: progress and cancel"));
        toggle.setFocusTraversable(false);
        toggle.textProperty().bind(Bindings.size(view.getTasks()).asString("%d running"));
        toggle.visibleProperty().bind(Bindings.isNotEmpty(view.getTasks()));
        vm.exports().lines().addListener((ListChangeListener<ExportsViewModel.Line>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::follow);
            }
        });
        vm.tree().rowsVersionProperty().addListener((o, a, b) -> followIndex());
        vm.sessionProperty().addListener((o, a, s) -> followIndex());
        vm.sessionProperty().addListener((o, a, s) -> followEdits(s));
        followEdits(vm.session());
        vm.busyProperty().addListener((o, a, b) -> followIndex());
        view.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.addPostLayoutPulseListener(cancels);
            }
            if (was != null) {
                was.removePostLayoutPulseListener(cancels);
            }
        });
    }

    /**
     * After each layout: a line whose work cannot stop part-way shows no Cancel (the view gives
     * every running line one; it said "this can't be stopped part-way" beside a Cancel that did
     * nothing).
     */
    private void showCancels() {
        if (!view.isVisible()) {
            return;
        }
        for (Node button : view.lookupAll(".task-cancel-button")) {
            Node n = button.getParent();
            while (n != null && !(n instanceof ListCell<?>)) {
                n = n.getParent();
            }
            boolean stoppable = !(n instanceof ListCell<?> cell) || !(cell.getItem() instanceof Work w) || w.stoppable();
            if (button.isVisible() != stoppable) {
                button.setVisible(stoppable);
            }
        }
    }

    TaskProgressView<Work> view() {
        return view;
    }

    /** The status bar with the toggle at its end and the view above it. */
    Node around(Node statusBar) {
        if (statusBar instanceof HBox bar) {
            bar.getChildren().add(toggle);
        }
        return new VBox(view, statusBar);
    }

    /** An export line: its state while it renders and downloads; cancel cancels the export. */
    private void follow(ExportsViewModel.Line line) {
        if (!(line.stateProperty().get() instanceof ExportState.Creating)) {
            return; // an earlier export, listed from the server: nothing runs for it here
        }
        Work work = new Work("Export “" + line.title() + "” as " + line.format(), () -> vm.exports().cancel(line));
        Consumer<ExportState> show = s -> {
            if (finished(s)) {
                work.end();
                view.getTasks().remove(work);
            } else if (s instanceof ExportState.Downloading d) {
                work.report("Downloading " + ByteSizes.human(d.bytes()), d.fraction());
            } else if (s != null) {
                work.report(s instanceof ExportState.Creating ? "Asking the server…" : "Rendering on the server…", -1);
            }
        };
        line.stateProperty().addListener((o, a, s) -> show.accept(s));
        show.accept(line.stateProperty().get());
        view.getTasks().add(work);
        work.start();
    }

    private static boolean finished(ExportState s) {
        return s instanceof ExportState.Saved || s instanceof ExportState.Failed || s instanceof ExportState.Cancelled
                || s instanceof ExportState.Ready;
    }

    /** The index load: a line while the session reads the whole tree, cancel stops it. */
    private void followIndex() {
        TreeSession s = vm.session();
        boolean loading = s != null && !s.index().isComplete() && vm.busyProperty().get();
        if (loading && indexLoad == null) {
            indexLoad = new Work("Loading the project index", () -> {
                if (s == vm.session()) {
                    s.cancelLoads();
                }
            });
            view.getTasks().add(indexLoad);
            indexLoad.start();
        }
        if (indexLoad != null) {
            if (loading) {
                indexLoad.report(String.format("%,d items loaded", s.index().size()), -1);
            } else {
                indexLoad.end();
                view.getTasks().remove(indexLoad);
                indexLoad = null;
            }
        }
    }

    private void followEdits(TreeSession s) {
        if (s != null && followed.add(s)) {
            s.addListener(new TreeSession.Listener() {
                @Override
                public void foldersChanged(Set<String> folderPaths) {
                }

                @Override
                public void working(Progress work) {
                    follow(work);
                }
            });
        }
    }

    /** An edit's line: shown once it has run a moment, updated as it reports, gone when it ends. */
    private void follow(Progress work) {
        EditLine line = edits.get(work);
        if (line == null && !work.isEnded() && !edits.containsKey(work)) {
            edits.put(work, null);
            PauseTransition wait = new PauseTransition(EDIT_SHOWN_AFTER);
            wait.setOnFinished(e -> {
                if (!work.isEnded()) {
                    EditLine shown = new EditLine(work);
                    edits.put(work, shown);
                    view.getTasks().add(shown);
                    shown.start();
                } else {
                    edits.remove(work);
                }
            });
            wait.play();
        } else if (line != null && work.isEnded()) {
            edits.remove(work);
            line.end();
            view.getTasks().remove(line);
        } else if (line != null) {
            line.show();
        }
    }
}
