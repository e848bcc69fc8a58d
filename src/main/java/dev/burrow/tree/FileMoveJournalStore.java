package dev.burrow.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

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
    /** The journal format this build writes; a journal of a newer one is left for the newer Burrow. */
    static final int VERSION = 1;
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Path folder;

    public FileMoveJournalStore(Path folder) {
        this.folder = folder;
    }

    /**
     * The journals of one connection under {@code root}: a journal names rows by id, so it may
     * only ever be resumed against the server it was written for. {@code connection} is "local"
     * for the local workspace (whose port changes at every start), else its base URL and
     * environment.
     */
    public static FileMoveJournalStore forConnection(Path root, String connection) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(connection.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return new FileMoveJournalStore(root.resolve(hex.toString()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path folder() {
        return folder;
    }

    private Path file(String journalId) {
        if (!SAFE_ID.matcher(journalId).matches() || journalId.startsWith(".")) {
            throw new IllegalArgumentException("Not a journal id: " + journalId);
        }
        return folder.resolve(journalId + SUFFIX);
    }

    @Override
    public void save(MoveJournal.Snapshot snapshot) {
        Path target = file(snapshot.id());
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, "." + snapshot.id() + "-", ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buf = ByteBuffer.wrap(Json.bytes(toJson(snapshot)));
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            syncFolder();
        } catch (IOException e) {
            throw new UncheckedIOException("Couldn't save the move journal in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory. */
    private void syncFolder() {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // Windows can't open a directory; the rename is still atomic there
        }
    }

    @Override
    public void delete(String journalId) {
        try {
            Files.deleteIfExists(file(journalId));
            syncFolder();
        } catch (IOException e) {
            throw new UncheckedIOException("Couldn't remove the move journal " + journalId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<MoveJournal.Snapshot> pending() {
        List<MoveJournal.Snapshot> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            dir.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Couldn't list the move journals in " + folder + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(Path::toString));
        for (Path f : files) {
            if (f.getFileName().toString().startsWith(".")) {
                continue;
            }
            try {
                JsonNode journal = Json.MAPPER.readTree(Files.readAllBytes(f));
                if (journal != null && journal.path("version").asInt(VERSION) > VERSION) {
                    continue; // a newer Burrow's journal: neither resumed nor set aside here
                }
                out.add(fromJson(journal));
            } catch (IOException | RuntimeException e) {
                try {
                    Files.move(f, f.resolveSibling(f.getFileName() + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ignored) {
                    // left in place: it is skipped again next time
                }
            }
        }
        return out;
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
