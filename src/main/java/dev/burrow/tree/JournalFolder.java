package dev.burrow.tree;

import dev.burrow.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One folder of journal files (folder moves, organise batches): safe file names from ids, whole
 * files replaced atomically and forced to disk, appends forced before they count, unreadable
 * files set aside as {@code .corrupt} rather than deleted.
 */
public final class JournalFolder {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Path folder;

    public JournalFolder(Path folder) {
        this.folder = folder;
    }

    /**
     * The journals of one connection under {@code root}: a journal names rows by id, so it may
     * only ever be resumed against the server it was written for. {@code connection} is "local"
     * for the local workspace (whose port changes at every start), else its base URL and
     * environment.
     */
    public static JournalFolder forConnection(Path root, String connection) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(connection.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return new JournalFolder(root.resolve(hex.toString()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path path() {
        return folder;
    }

    /** The file of a journal id, refusing ids that could name anything outside the folder. */
    public Path file(String id, String suffix) {
        if (!SAFE_ID.matcher(id).matches() || id.startsWith(".")) {
            throw new IllegalArgumentException("Not a journal id: " + id);
        }
        return folder.resolve(id + suffix);
    }

    /**
     * Writes {@code bytes} to a temporary file beside {@code target}, forces it to disk and
     * renames it over {@code target}: a reader sees the previous complete file or the new one.
     */
    public void replace(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, "." + target.getFileName() + "-", ".tmp");
        try {
            write(tmp, bytes, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        sync();
    }

    /** Writes {@code bytes} to {@code f} in {@code mode} (truncate or append) and forces them to disk. */
    public static void write(Path f, byte[] bytes, StandardOpenOption mode) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE, mode)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        }
    }

    /** Removes the files and makes the removal durable. */
    public void delete(Path... files) throws IOException {
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
        sync();
    }

    /** Makes renames and removals durable where the platform allows opening a directory. */
    public void sync() {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // Windows can't open a directory; the rename is still atomic there
        }
    }

    /** The journal files ending in {@code suffix}, in name order, temporary (dot) files left out. */
    public List<Path> list(String suffix) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*" + suffix)) {
            for (Path f : dir) {
                if (!f.getFileName().toString().startsWith(".")) {
                    files.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Couldn't list the journals in " + folder + ": " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    /** Sets an unreadable journal aside, so nobody loses a plan silently and it isn't read again. */
    public static void setAside(Path f) {
        try {
            Files.move(f, f.resolveSibling(f.getFileName() + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ignored) {
            // left in place: it is skipped again next time
        }
    }

    /** A held lock on a journal: the OS drops it when the process dies, even by {@code kill -9}. */
    public interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Locks {@code lockFile} for this process, or answers null when another process, or this one,
     * already holds it.
     */
    public Lock lock(Path lockFile) throws IOException {
        Files.createDirectories(folder);
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                return null;
            }
            return () -> {
                try {
                    lock.release();
                    ch.close();
                } catch (IOException ignored) {
                    // closing the channel drops the lock in any case
                }
            };
        } catch (OverlappingFileLockException e) {
            ch.close();
            return null; // held by this very process
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** One line of JSON, as journals of events append them. */
    public static byte[] line(Object json) {
        return (Json.write(json) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
