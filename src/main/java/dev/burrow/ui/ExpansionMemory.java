package dev.burrow.ui;

import dev.burrow.settings.ExpandedFoldersStore;
import dev.burrow.tree.TaskRunner;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The open folders of each connection: kept while the app runs (switching connections and back
 * opens them again) and, with a store, across restarts. The file is read and written off the
 * FX thread, except the last save when the app closes.
 */
public final class ExpansionMemory {

    private final TaskRunner runner;
    private final ExpandedFoldersStore store;
    private final Map<String, Set<String>> known = new HashMap<>();

    /** {@code store} null: remembered while the app runs only. */
    public ExpansionMemory(TaskRunner runner, ExpandedFoldersStore store) {
        this.runner = runner;
        this.store = store;
    }

    static String key(MainViewModel.Target t) {
        return t.local() ? "local" : t.baseUrl() + "#" + t.environment();
    }

    /** Notes a connection's open folders (in memory; {@link #save} writes them). */
    void remember(MainViewModel.Target t, Collection<String> folders) {
        if (t != null) {
            known.put(key(t), Set.copyOf(folders));
        }
    }

    /** Hands the connection's remembered folders to {@code open} (at once, or once the file is read). */
    void recall(MainViewModel.Target t, Consumer<Set<String>> open) {
        Set<String> here = known.get(key(t));
        if (here != null || store == null) {
            open.accept(here == null ? Set.of() : here);
            return;
        }
        runner.run(() -> store.load().value().getOrDefault(key(t), java.util.List.of()), folders -> {
            known.putIfAbsent(key(t), Set.copyOf(folders));
            open.accept(Set.copyOf(folders));
        }, e -> open.accept(Set.of()));
    }

    /** Writes a connection's folders in the background (a switch of connection). */
    void save(MainViewModel.Target t) {
        Set<String> folders = t == null ? null : known.get(key(t));
        if (store != null && folders != null) {
            runner.run(() -> {
                store.save(key(t), folders);
                return Boolean.TRUE;
            }, ok -> { }, e -> { });
        }
    }

    /** The app closes: writes now, on this thread (the background threads are stopping). */
    void saveNow(MainViewModel.Target t) {
        Set<String> folders = t == null ? null : known.get(key(t));
        if (store != null && folders != null) {
            try {
                store.save(key(t), folders);
            } catch (RuntimeException e) {
                // the open folders are a convenience: losing them must not stop the app closing
            }
        }
    }
}
