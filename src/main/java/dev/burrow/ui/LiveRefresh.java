package dev.burrow.ui;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.PostHogClient;
import dev.burrow.client.RateBudget;
import dev.burrow.client.RetryPolicy;
import dev.burrow.tree.ClientLiveSource;
import dev.burrow.tree.LiveTree;
import dev.burrow.tree.NodeKey;
import dev.burrow.tree.TaskRunner;
import dev.burrow.tree.TreeNode;
import dev.burrow.tree.TreeSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's side of live refresh ({@link LiveTree}): which folders it watches (open and on
 * screen), when it runs (focus, minimised, a drag), what it says (the status bar's "checked 12 s
 * ago", selected rows deleted or moved elsewhere) and which rows it marks. Holds no nodes; runs on
 * the owner's thread and reaches the toolkit only through the {@link TaskRunner}.
 */
public final class LiveRefresh {

    private final TaskRunner runner;
    private final StatusLine status;
    private final TreeViewModel tree;
    private final ReadOnlyStringWrapper checked = new ReadOnlyStringWrapper("");
    private Supplier<Collection<String>> onScreen;
    private LiveTree live;
    private PostHogClient client;
    private TaskRunner.Handle ticker = new TaskRunner.Handle();
    private boolean focused = true;
    private boolean iconified;
    private String pausedWhy;
    private long pausedUntil;
    private String lastMerge;
    private long lastMergeAt;

    LiveRefresh(TaskRunner runner, StatusLine status, TreeViewModel tree) {
        this.runner = runner;
        this.status = status;
        this.tree = tree;
    }

    /** "Checked 12 s ago" for the status bar; empty before the first check. */
    public ReadOnlyStringProperty checkedProperty() {
        return checked.getReadOnlyProperty();
    }

    /** The view says which open folders are on screen now (called when a cycle plans). */
    public void showsFolders(Supplier<Collection<String>> folders) {
        this.onScreen = folders;
    }

    /** Live refresh for a new session: its own client on the window's key and budget (no 429 waits). */
    void attach(TreeSession session, MainViewModel.Target t, RateBudget shared) {
        detach();
        client = PostHogClient.builder(t.baseUrl(), t.apiKey(), t.environment()).retry(RetryPolicy.none())
                .rateBudget(shared).build();
        LiveTree l = new LiveTree(session, new ClientLiveSource(client), runner, LiveTree.budget(System::nanoTime),
                shared, System::currentTimeMillis);
        l.watch(this::watched, this::selectedIds);
        l.addListener(new Listener(l));
        live = l;
        l.setFocused(focused);
        l.setIconified(iconified);
        l.start();
        tick();
    }

    void detach() {
        ticker.cancel();
        if (live != null) {
            live.stop();
            live = null;
        }
        if (client != null) {
            client.close();
            client = null;
        }
        checked.set("");
    }

    public void setFocused(boolean value) {
        focused = value;
        if (live != null) {
            live.setFocused(value);
        }
    }

    public void setIconified(boolean value) {
        iconified = value;
        if (live != null) {
            live.setIconified(value);
        }
    }

    /** A drag or a batch started (true) or ended (false): no check runs meanwhile. */
    public void hold(boolean value) {
        if (live != null) {
            live.hold(value);
        }
    }

    /** Looks for changes now (within the budget); false when it can't now. */
    public boolean checkNow() {
        return live != null && live.checkNow();
    }

    /** True while a row (by id) is marked as changed elsewhere. */
    public boolean isMarked(TreeNode node) {
        if (live == null || node == null) {
            return false;
        }
        if (node instanceof TreeNode.Folder f) {
            return f.rows().stream().anyMatch(r -> live.isMarked(r.id()));
        }
        return live.isMarked(node.row().id());
    }

    /** Live refresh itself, for tests and benchmarks (null when not connected). */
    public LiveTree live() {
        return live;
    }

    private Collection<String> watched() {
        Set<String> open = tree.watchedFolders();
        List<String> out = new ArrayList<>();
        out.add("");
        Collection<String> shown = onScreen == null ? open : onScreen.get();
        for (String f : shown) {
            if (!f.isEmpty() && open.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private Set<String> selectedIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (TreeNode n : tree.selectedNodes()) {
            if (n instanceof TreeNode.Folder f) {
                f.rows().forEach(r -> ids.add(r.id()));
            } else {
                ids.add(n.row().id());
            }
        }
        return ids;
    }

    /** Refreshes "checked … ago" every few seconds while connected. */
    private void tick() {
        ticker.cancel();
        LiveTree l = live;
        if (l == null) {
            return;
        }
        long now = System.currentTimeMillis();
        if (pausedWhy != null && now < pausedUntil) {
            checked.set("Checks paused " + ago(pausedUntil - now, "for ") + ": " + pausedWhy);
        } else if (l.lastChecked() >= 0) {
            pausedWhy = null;
            boolean recent = lastMerge != null && now - lastMergeAt < 60_000;
            checked.set("Checked " + ago(now - l.lastChecked(), "") + " ago" + (recent ? " · " + lastMerge : ""));
        }
        ticker = LiveTree.later(runner, Duration.ofSeconds(5), this::tick);
    }

    private static String ago(long millis, String prefix) {
        long s = Math.max(0, millis / 1000);
        if (s < 5) {
            return prefix.isEmpty() ? "moments" : prefix + "a moment";
        }
        return prefix + (s < 90 ? s / 5 * 5 + " s" : (s + 30) / 60 + " min");
    }

    private final class Listener implements LiveTree.Listener {
        private final LiveTree owner;

        Listener(LiveTree owner) {
            this.owner = owner;
        }

        private boolean current() {
            return owner == live;
        }

        @Override
        public void checked(long atMillis) {
            if (current()) {
                pausedWhy = null;
                tick();
            }
        }

        @Override
        public void merged(int added, int changed, int removed) {
            if (current()) {
                int n = added + changed + removed;
                lastMerge = n == 1 ? "1 change from elsewhere" : n + " changes from elsewhere";
                lastMergeAt = System.currentTimeMillis();
            }
        }

        @Override
        public void selectionGone(List<String> names) {
            if (current()) {
                String who = names.size() == 1 ? "“" + names.get(0) + "” was" : names.size() + " selected items were";
                status.say(who + " deleted elsewhere and " + (names.size() == 1 ? "is" : "are") + " no longer selected.");
            }
        }

        @Override
        public void selectionMoved(List<FileSystemEntry> rows) {
            if (current()) {
                FileSystemEntry first = rows.get(0);
                status.say((rows.size() == 1 ? "“" + first.name() + "” was" : rows.size() + " selected items were")
                        + " moved elsewhere" + (rows.size() == 1 ? " to “" + first.path() + "”" : "")
                        + "; the selection follows.");
                List<NodeKey> keys = List.copyOf(tree.selection());
                tree.reveal(keys);
            }
        }

        @Override
        public void marksChanged() {
            if (current()) {
                tree.marksChanged();
            }
        }

        @Override
        public void folderMoved(String from, String to) {
            if (current()) {
                tree.folderMovedElsewhere(from, to);
            }
        }

        @Override
        public void movedUnder(String edit, String folder, String nowAt) {
            if (current()) {
                String name = dev.burrow.api.EntryPath.leaf(folder);
                status.fail("“" + edit + "” went to “" + folder + "”, but that folder was "
                        + (nowAt == null ? "deleted" : "moved to “" + nowAt + "”")
                        + " elsewhere just before: the items are now in a new folder “" + name
                        + "”. Undo (Ctrl+Z) takes them back.");
            }
        }

        @Override
        public void backingOff(Duration next, String why) {
            if (current()) {
                pausedWhy = why;
                pausedUntil = System.currentTimeMillis() + next.toMillis();
                tick();
            }
        }
    }
}
