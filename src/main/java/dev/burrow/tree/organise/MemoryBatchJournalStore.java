package dev.burrow.tree.organise;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@link BatchJournal.Store} in memory: for tests, and for a connection with nowhere to write. */
final class MemoryBatchJournalStore implements BatchJournal.Store {

    private final Map<String, BatchJournal> plans = new TreeMap<>();
    private final Map<String, List<BatchJournal.Event>> events = new TreeMap<>();
    private final Set<String> claimed = new HashSet<>();

    @Override
    public synchronized void create(BatchJournal plan) {
        plans.put(plan.id(), plan);
        events.put(plan.id(), new ArrayList<>());
    }

    @Override
    public synchronized void append(String journalId, BatchJournal.Event event) {
        List<BatchJournal.Event> list = events.get(journalId);
        if (list != null) {
            list.add(event);
        }
    }

    @Override
    public synchronized List<BatchJournal> all() {
        List<BatchJournal> out = new ArrayList<>();
        plans.forEach((id, plan) -> out.add(plan.replay(events.get(id))));
        return out;
    }

    @Override
    public synchronized void delete(String journalId) {
        plans.remove(journalId);
        events.remove(journalId);
    }

    @Override
    public synchronized BatchJournal.Claim claim(String journalId) {
        if (!claimed.add(journalId)) {
            return null;
        }
        return () -> {
            synchronized (this) {
                claimed.remove(journalId);
            }
        };
    }
}
