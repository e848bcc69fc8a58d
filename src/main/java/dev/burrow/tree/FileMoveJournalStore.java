package dev.burrow.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Move journals as JSON files in one folder, one file per journal, so that a folder move cut
 * short by a crash or a {@code kill -9} is found again at the next start.
 *
 * <p>Every save writes a temporary file beside the journal, forces it to disk, and renames it
 * over the journal atomically: a reader sees the previous complete journal or the new one, never
 * half of one. A file that can't be read (truncated by a disk that lied about {@code fsync})
 * is set aside as {@code .corrupt} rather than deleted, so nobody loses the plan silently.
 */
public final class FileMoveJournalStore implements MoveJournal.Store {

    private static final String SUFFIX = ".json";
    private static final String LOCK = ".lock";
    /** The journal format this build writes; a journal of a newer one is left for the newer Burrow. */
    static final int VERSION = 1;

    private final JournalFolder folder;

    public FileMoveJournalStore(Path folder) {
        this(new JournalFolder(folder));
    }

    private FileMoveJournalStore(JournalFolder folder) {
        this.folder = folder;
    }

    /** The journals of one connection under {@code root} (see {@link JournalFolder#forConnection}). */
    public static FileMoveJournalStore forConnection(Path root, String connection) {
        return new FileMoveJournalStore(JournalFolder.forConnection(root, connection));
    }

    public Path folder() {
        return folder.path();
    }

    @Override
    public void save(MoveJournal.Snapshot snapshot) {
        try {
            folder.replace(folder.file(snapshot.id(), SUFFIX), Json.bytes(toJson(snapshot)));
        } catch (IOException e) {
            throw new UncheckedIOException("Couldn't save the move journal in " + folder() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String journalId) {
        try {
            folder.delete(folder.file(journalId, SUFFIX));
            folder.delete(folder.file(journalId, LOCK));
        } catch (IOException e) {
            throw new UncheckedIOException("Couldn't remove the move journal " + journalId + ": " + e.getMessage(), e);
        }
    }

    /** Locks the journal while this process runs it, so another process doesn't take it as interrupted. */
    @Override
    public JournalFolder.Lock running(String journalId) {
        try {
            JournalFolder.Lock lock = folder.lock(folder.file(journalId, LOCK));
            return lock == null ? () -> { } : lock;
        } catch (IOException e) {
            return () -> { }; // no lock: at worst another window offers to resume it
        }
    }

    /**
     * The journals nobody is running: a journal another process (the command line, a second
     * window) is running right now holds its lock and is not interrupted.
     */
    @Override
    public List<MoveJournal.Snapshot> pending() {
        List<MoveJournal.Snapshot> out = new ArrayList<>();
        for (Path f : folder.list(SUFFIX)) {
            String name = f.getFileName().toString();
            if (isRunning(name.substring(0, name.length() - SUFFIX.length()))) {
                continue;
            }
            try {
                JsonNode journal = Json.MAPPER.readTree(Files.readAllBytes(f));
                if (journal != null && journal.path("version").asInt(VERSION) > VERSION) {
                    continue; // a newer Burrow's journal: neither resumed nor set aside here
                }
                out.add(fromJson(journal));
            } catch (IOException | RuntimeException e) {
                JournalFolder.setAside(f);
            }
        }
        return out;
    }

    private boolean isRunning(String journalId) {
        try {
            JournalFolder.Lock lock = folder.lock(folder.file(journalId, LOCK));
            if (lock == null) {
                return true;
            }
            lock.close();
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false; // unlockable or oddly named: read it and let the reader judge
        }
    }

    static ObjectNode toJson(MoveJournal.Snapshot s) {
        ObjectNode o = Json.object();
        o.put("version", VERSION);
        o.put("id", s.id());
        o.put("description", s.description());
        o.put("done", s.done());
        ArrayNode entries = o.putArray("entries");
        for (MoveJournal.Entry e : s.entries()) {
            entries.addObject().put("id", e.id()).put("from", e.from()).put("to", e.to());
        }
        return o;
    }

    static MoveJournal.Snapshot fromJson(JsonNode o) {
        if (o == null || !o.isObject() || !o.path("id").isTextual() || !o.path("entries").isArray()
                || !o.path("done").isInt()) {
            throw new IllegalArgumentException("not a move journal");
        }
        List<MoveJournal.Entry> entries = new ArrayList<>();
        for (JsonNode e : o.get("entries")) {
            if (!e.path("id").isTextual() || !e.path("from").isTextual() || !e.path("to").isTextual()) {
                throw new IllegalArgumentException("not a move journal entry");
            }
            entries.add(new MoveJournal.Entry(e.get("id").asText(), e.get("from").asText(), e.get("to").asText()));
        }
        int done = o.get("done").asInt();
        if (done < 0 || done > entries.size()) {
            throw new IllegalArgumentException("journal progress out of range");
        }
        return new MoveJournal.Snapshot(o.get("id").asText(), o.path("description").asText(""), entries, done);
    }
}
