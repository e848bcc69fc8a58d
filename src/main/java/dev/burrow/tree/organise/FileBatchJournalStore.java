package dev.burrow.tree.organise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.Json;
import dev.burrow.tree.JournalFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch journals as files, one per batch: {@code <id>.jsonl} holds the plan on its first line
 * and one event per further line. The plan is written to a temporary file, forced to disk and
 * renamed into place, so a journal either has its whole plan or does not exist; each event is
 * appended and forced before the request it announces (or right after the answer it records),
 * and a torn last line (a crash mid-write) is ignored when reading. A plan that can't be read
 * is set aside as {@code .corrupt}, never deleted silently. A claim is an OS file lock on
 * {@code <id>.lock}, which the OS drops when the process dies, even by {@code kill -9}.
 */
public final class FileBatchJournalStore implements BatchJournal.Store {

    private static final String SUFFIX = ".jsonl";
    /** Finished batches kept for undo; older ones are forgotten. */
    static final int KEEP = 20;

    private final JournalFolder folder;

    public FileBatchJournalStore(Path folder) {
        this(new JournalFolder(folder));
    }

    private FileBatchJournalStore(JournalFolder folder) {
        this.folder = folder;
    }

    /** The batches of one connection under {@code root} (a journal names rows by id: one server only). */
    public static FileBatchJournalStore forConnection(Path root, String connection) {
        return new FileBatchJournalStore(JournalFolder.forConnection(root, connection));
    }

    public Path folder() {
        return folder.path();
    }

    @Override
    public void create(BatchJournal plan) {
        try {
            folder.replace(folder.file(plan.id(), SUFFIX), JournalFolder.line(planJson(plan)));
        } catch (IOException e) {
            throw failed("save the batch journal in " + folder(), e);
        }
        forgetOld();
    }

    @Override
    public void append(String journalId, BatchJournal.Event event) {
        Path f = folder.file(journalId, SUFFIX);
        try {
            JournalFolder.write(f, JournalFolder.line(eventJson(event)), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw failed("record the batch's progress in " + f, e);
        }
    }

    private static UncheckedIOException failed(String what, IOException e) {
        return new UncheckedIOException("Couldn't " + what + ": " + e.getMessage(), e);
    }

    @Override
    public List<BatchJournal> all() {
        List<BatchJournal> out = new ArrayList<>();
        for (Path f : folder.list(SUFFIX)) {
            BatchJournal j = read(f);
            if (j != null) {
                out.add(j);
            }
        }
        return out;
    }

    private static BatchJournal read(Path f) {
        List<String> lines;
        BatchJournal plan;
        try {
            lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            plan = planFrom(Json.MAPPER.readTree(lines.isEmpty() ? "" : lines.get(0)));
        } catch (IOException | RuntimeException e) {
            JournalFolder.setAside(f);
            return null;
        }
        List<BatchJournal.Event> events = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            try {
                events.add(eventFrom(Json.MAPPER.readTree(l)));
            } catch (IOException | RuntimeException torn) {
                break; // a line cut short by a crash: nothing after it was written
            }
        }
        return plan.replay(events);
    }

    @Override
    public void delete(String journalId) {
        try {
            folder.delete(folder.file(journalId, SUFFIX), folder.file(journalId, ".lock"));
        } catch (IOException e) {
            throw failed("remove the batch journal " + journalId, e);
        }
    }

    /** Keeps the newest {@link #KEEP} finished batches. */
    private void forgetOld() {
        List<BatchJournal> finished = all().stream().filter(j -> j.state() == BatchJournal.State.APPLIED
                || j.state() == BatchJournal.State.CANCELLED).toList();
        for (int i = 0; i < finished.size() - KEEP; i++) {
            delete(finished.get(i).id());
        }
    }

    @Override
    public BatchJournal.Claim claim(String journalId) {
        try {
            JournalFolder.Lock lock = folder.lock(folder.file(journalId, ".lock"));
            return lock == null ? null : lock::close;
        } catch (IOException e) {
            throw failed("lock the batch journal " + journalId, e);
        }
    }

    // ---- JSON -----------------------------------------------------------------------------

    static ObjectNode planJson(BatchJournal j) {
        ObjectNode o = Json.object();
        o.put("version", 1);
        o.put("id", j.id());
        o.put("description", j.description());
        o.put("query", j.query());
        o.put("template", j.template());
        ArrayNode folders = o.putArray("folders");
        j.folders().forEach(folders::add);
        ArrayNode moves = o.putArray("moves");
        for (BatchJournal.Entry e : j.entries()) {
            ObjectNode m = moves.addObject().put("id", e.id()).put("from", e.from()).put("to", e.to());
            if (e.folder()) {
                m.put("folder", true);
            }
        }
        return o;
    }

    static BatchJournal planFrom(JsonNode o) {
        if (o == null || !o.isObject() || o.path("version").asInt() != 1 || !o.path("id").isTextual()
                || !o.path("moves").isArray() || !o.path("folders").isArray()) {
            throw new IllegalArgumentException("not a batch journal");
        }
        List<String> folders = new ArrayList<>();
        for (JsonNode f : o.get("folders")) {
            folders.add(text(f));
        }
        List<BatchJournal.Entry> entries = new ArrayList<>();
        for (JsonNode m : o.get("moves")) {
            entries.add(new BatchJournal.Entry(text(m.get("id")), text(m.get("from")), text(m.get("to")),
                    m.path("folder").asBoolean(false)));
        }
        return new BatchJournal(o.get("id").asText(), o.path("description").asText(""), o.path("query").asText(""),
                o.path("template").asText(""), folders, entries);
    }

    private static String text(JsonNode n) {
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("not a batch journal entry");
        }
        return n.asText();
    }

    static ObjectNode eventJson(BatchJournal.Event e) {
        ObjectNode o = Json.object();
        o.put("event", e.kind().name().toLowerCase(java.util.Locale.ROOT));
        switch (e.kind()) {
            case CREATING -> o.put("path", e.path());
            case CREATED -> o.put("path", e.path()).put("id", e.rowId());
            case DONE -> o.put("done", e.done());
            case VANISHED -> o.put("id", e.rowId());
            case STATE -> o.put("state", e.state().name().toLowerCase(java.util.Locale.ROOT));
            default -> throw new IllegalStateException(e.kind().name());
        }
        return o;
    }

    static BatchJournal.Event eventFrom(JsonNode o) {
        BatchJournal.Event.Kind kind = BatchJournal.Event.Kind.valueOf(o.path("event").asText().toUpperCase(
                java.util.Locale.ROOT));
        return switch (kind) {
            case CREATING -> BatchJournal.Event.creating(text(o.get("path")));
            case CREATED -> BatchJournal.Event.created(text(o.get("path")), text(o.get("id")));
            case DONE -> {
                if (!o.path("done").canConvertToInt() || o.get("done").asInt() < 0) {
                    throw new IllegalArgumentException("bad progress");
                }
                yield BatchJournal.Event.done(o.get("done").asInt());
            }
            case VANISHED -> BatchJournal.Event.vanished(text(o.get("id")));
            case STATE -> BatchJournal.Event.state(BatchJournal.State.valueOf(o.path("state").asText()
                    .toUpperCase(java.util.Locale.ROOT)));
        };
    }
}
