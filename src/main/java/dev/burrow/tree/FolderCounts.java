package dev.burrow.tree;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How many rows lie below each folder: from the index where it is complete, else from
 * {@code count} requests for the folders people look at — at most a few in flight, cached,
 * forgotten after every edit.
 */
public final class FolderCounts {

    private static final int IN_FLIGHT = 3;
    private static final int QUEUE = 64;

    private final TreeSession session;
    private final TaskRunner runner;
    private final Map<String, Long> cache = new HashMap<>();
    private final Set<String> pending = new HashSet<>();
    private final Deque<String> queue = new ArrayDeque<>();
    private final Consumer<String> onCount;
    private int running;
    private int generation;

    /** {@code onCount} hears the folder path whose count arrived (owner thread). */
    public FolderCounts(TreeSession session, TaskRunner runner, Consumer<String> onCount) {
        this.session = session;
        this.runner = runner;
        this.onCount = onCount;
    }

    /** The count if known now; otherwise asks for it (when the index can't tell) and answers empty. */
    public OptionalLong get(String folder) {
        if (session.index().isComplete()) {
            return OptionalLong.of(session.index().countBelow(folder));
        }
        Long cached = cache.get(folder);
        if (cached != null) {
            return OptionalLong.of(cached);
        }
        if (pending.add(folder)) {
            queue.addLast(folder);
            while (queue.size() > QUEUE) {
                pending.remove(queue.removeFirst());
            }
            pump();
        }
        return OptionalLong.empty();
    }

    /** Forgets every cached count (after a move, delete, link or refresh). */
    public void invalidate() {
        generation++;
        cache.clear();
        pending.clear();
        queue.clear();
    }

    private void pump() {
        while (running < IN_FLIGHT && !queue.isEmpty()) {
            String folder = queue.removeLast(); // the folder looked at last is the one on screen
            int gen = generation;
            running++;
            runner.run(() -> session.backend().count(folder).count(), (Long n) -> {
                running--;
                if (gen == generation) {
                    pending.remove(folder);
                    cache.put(folder, n);
                    onCount.accept(folder);
                }
                pump();
            }, error -> {
                running--;
                pending.remove(folder);
                pump();
            });
        }
    }
}
