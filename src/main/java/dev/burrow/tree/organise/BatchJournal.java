package dev.burrow.tree.organise;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The record of one organise batch, kept on disk from before its first request: the plan (every
 * row's old and new path, the folders to create) and what has happened since, as events. After a
 * crash or a {@code kill -9} it tells what may have been applied, so the batch can be finished
 * ({@code --resume}) or reverted ({@code --undo}); after a complete batch it is what undo reads.
 */
public final class BatchJournal {

    /** Where a batch stands. */
    public enum State {
        /** Being applied, or cut short while being applied (then nobody holds its lock). */
        APPLYING,
        /** Every move was sent. */
        APPLIED,
        /** Stopped by the user; what was done stays. */
        CANCELLED,
        /** Being reverted, or cut short while being reverted. */
        UNDOING
    }

    /** One row's planned move; {@code folder} rows move with their contents ({@code POST move}). */
    public record Entry(String id, String from, String to, boolean folder) {
    }

    /** One thing that happened, appended as it happens. */
    public record Event(Kind kind, String path, String rowId, int done, State state) {

        public enum Kind { CREATING, CREATED, DONE, VANISHED, STATE }

        static Event creating(String path) {
            return new Event(Kind.CREATING, path, null, 0, null);
        }

        static Event created(String path, String rowId) {
            return new Event(Kind.CREATED, path, rowId, 0, null);
        }

        static Event done(int done) {
            return new Event(Kind.DONE, null, null, done, null);
        }

        static Event vanished(String rowId) {
            return new Event(Kind.VANISHED, null, rowId, 0, null);
        }

        static Event state(State state) {
            return new Event(Kind.STATE, null, null, 0, state);
        }
    }

    /** Where batch journals live between runs. Implementations are safe to call from any thread. */
    public interface Store {

        /** Saves a new batch's plan (durably, before any request). */
        void create(BatchJournal plan);

        /** Adds an event to a saved batch (durably). */
        void append(String journalId, Event event);

        /** Every saved batch, its events replayed, oldest first. */
        List<BatchJournal> all();

        void delete(String journalId);

        /**
         * Claims a batch for this process while it is applied or reverted; null when another
         * process (or another task here) holds it. The claim ends with {@link Claim#close} or
         * with the process, even a killed one.
         */
        Claim claim(String journalId);

        /** The newest batch, which undo reverts (whatever its state: undo looks at where each row is now). */
        default BatchJournal lastUndoable() {
            List<BatchJournal> all = all();
            return all.isEmpty() ? null : all.get(all.size() - 1);
        }

        /** Batches cut short while being applied (nobody holds them), oldest first. */
        default List<BatchJournal> interrupted() {
            List<BatchJournal> out = new ArrayList<>();
            for (BatchJournal j : all()) {
                if (j.state() == State.APPLYING || j.state() == State.UNDOING) {
                    try (Claim c = claim(j.id())) {
                        if (c != null) {
                            out.add(j);
                        }
                    }
                }
            }
            return out;
        }

        /** A store that forgets everything when the process ends (tests, or no disk). */
        static Store inMemory() {
            return new MemoryBatchJournalStore();
        }
    }

    /** A held claim on a batch. */
    public interface Claim extends AutoCloseable {
        @Override
        void close();
    }

    /** Progress is recorded every this many moves; a resumed batch sends those again (PATCH is idempotent). */
    static final int SAVE_EVERY = 25;

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String id;
    private final String description;
    private final String query;
    private final String template;
    private final List<String> folders;
    private final List<Entry> entries;
    private final Map<String, String> createdFolders = new LinkedHashMap<>();
    private final Set<String> creating = new LinkedHashSet<>();
    private final Set<String> vanished = new LinkedHashSet<>();
    private int done;
    private State state = State.APPLYING;

    BatchJournal(String id, String description, String query, String template, List<String> folders,
            List<Entry> entries) {
        this.id = id;
        this.description = description;
        this.query = query;
        this.template = template;
        this.folders = List.copyOf(folders);
        this.entries = List.copyOf(entries);
    }

    /** A fresh id that sorts by creation time. */
    static String newId(Instant now) {
        return ID_TIME.format(now) + "-" + String.format(Locale.ROOT, "%08x", ThreadLocalRandom.current().nextInt());
    }

    /** This plan with its events applied in order. */
    BatchJournal replay(List<Event> events) {
        BatchJournal j = new BatchJournal(id, description, query, template, folders, entries);
        for (Event e : events) {
            j.apply(e);
        }
        return j;
    }

    private void apply(Event e) {
        switch (e.kind()) {
            case CREATING -> creating.add(e.path());
            case CREATED -> {
                creating.remove(e.path());
                createdFolders.put(e.path(), e.rowId());
            }
            case DONE -> done = Math.max(done, Math.min(e.done(), entries.size()));
            case VANISHED -> vanished.add(e.rowId());
            case STATE -> state = e.state();
            default -> throw new IllegalStateException(e.kind().name());
        }
    }

    public String id() {
        return id;
    }

    /** A sentence for people: "Organise 42 items into Insights/{creator}". */
    public String description() {
        return description;
    }

    public String query() {
        return query;
    }

    public String template() {
        return template;
    }

    /** The folders the plan creates, parents first. */
    public List<String> folders() {
        return folders;
    }

    /** The planned moves, in the order they are sent. */
    public List<Entry> entries() {
        return entries;
    }

    /** Folders this batch created: path to row id. */
    public Map<String, String> createdFolders() {
        return Collections.unmodifiableMap(createdFolders);
    }

    /** Folders whose create was sent but whose answer was never recorded (a crash in between). */
    public Set<String> creating() {
        return Collections.unmodifiableSet(creating);
    }

    /** Rows that were gone when their move was sent. */
    public Set<String> vanished() {
        return Collections.unmodifiableSet(vanished);
    }

    /** Moves known to be done, in order; after a crash up to {@link #SAVE_EVERY} more may be done too. */
    public int done() {
        return done;
    }

    public State state() {
        return state;
    }

    /** How many entries may have been sent: exact for a finished batch, generous for one cut short. */
    public int maybeDone() {
        return state == State.APPLIED || state == State.CANCELLED ? done
                : Math.min(entries.size(), done + SAVE_EVERY + 1);
    }
}
