package dev.burrow.cli;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.Operation;
import dev.burrow.tree.TaskRunner;
import dev.burrow.tree.TreeBackend;
import dev.burrow.tree.TreeIndex;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tree's edits run from the command line: the same {@link Operation}s the window runs
 * (MoveOperation decides PATCH, {@code POST move} or a journaled row-by-row move; DeleteOperation
 * what goes and in which order), one at a time through {@link TaskRunner#sameThread()}, on an
 * index that holds the rows the command looked up. Unlike the window's session it keeps no
 * history, and a failure comes back as the client raised it, so that the exit code can say
 * whether the server refused or the network failed.
 */
final class TreeRun {

    private final TreeBackend backend;
    private final TaskRunner runner = TaskRunner.sameThread();
    private final TreeIndex index = new TreeIndex();

    TreeRun(TreeBackend backend) {
        this.backend = backend;
    }

    TreeIndex index() {
        return index;
    }

    /** Tells the index about rows the command looked up (what an operation's rules ask of it). */
    void know(Collection<FileSystemEntry> rows) {
        index.putAll(rows);
    }

    /**
     * Applies {@code op} to the index, sends it, and takes the answer in; on a failure the index
     * is put back and the failure rethrown. The caller has checked {@link Operation#refusal()}.
     */
    void run(Operation op) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        op.applyLocally(index);
        runner.run(() -> {
            op.send(backend);
            return Boolean.TRUE;
        }, ok -> op.reconcile(index), error -> {
            op.revertLocally(index);
            failure.set(error);
        });
        Throwable error = failure.get();
        if (error instanceof RuntimeException e) {
            throw e;
        }
        if (error instanceof Error e) {
            throw e;
        }
        if (error != null) {
            throw new IllegalStateException(error.getMessage(), error);
        }
    }
}
