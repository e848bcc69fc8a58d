package dev.burrow.tree;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.ApiException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Edits that meet a tree changed elsewhere: a 404 on PATCH, move or delete means a row this
 * window showed was deleted or moved by someone else. Says so plainly, naming the rows, and
 * points live refresh at the folders involved.
 */
final class Conflicts {

    private Conflicts() {
    }

    /** True when the failure is the server not finding a row (after unwrapping). */
    static boolean isGone(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.CompletionException
                || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e instanceof ApiException.NotFound;
    }

    /**
     * The message for a failed edit. For a 404 it names what vanished and asks {@code refresh}
     * to look again at the folders involved; any other failure keeps {@link TreeSession#message}.
     */
    static String explain(Operation op, TreeIndex index, Throwable error, Consumer<Collection<String>> refresh) {
        if (!isGone(error)) {
            return TreeSession.message(error);
        }
        List<String> names = new ArrayList<>();
        Set<String> folders = new LinkedHashSet<>();
        if (op instanceof MoveOperation move) {
            for (MoveOperation.Step s : move.steps()) {
                names.add(s.node().name());
                folders.add(EntryPath.parent(EntryPath.normalize(s.node().path())));
                folders.add(EntryPath.parent(EntryPath.normalize(s.target())));
            }
        }
        for (String id : op.resultIds()) {
            FileSystemEntry row = index.byId(id);
            if (row != null) {
                if (!names.contains(row.name())) {
                    names.add(row.name());
                }
                folders.add(EntryPath.parent(EntryPath.normalize(row.path())));
            }
        }
        refresh.accept(folders.isEmpty() ? List.of("") : folders);
        String what = names.isEmpty() ? "Something it needed"
                : names.size() == 1 ? "“" + names.get(0) + "”"
                : "“" + names.get(0) + "” or another of the " + names.size() + " items";
        return "“" + op.description() + "” was not done: " + what
                + " was deleted or moved elsewhere (in PostHog, another window or the command line)."
                + " The tree is being checked there again.";
    }

    /** Why an undo step is refused: one of its rows was changed elsewhere since. */
    static String undoRefused(Operation op, String name) {
        return "“" + op.description() + "” was not undone: “" + name
                + "” was changed elsewhere since (in PostHog, another window or the command line),"
                + " and undoing would overwrite that. The step has left the history.";
    }
}
