package dev.burrow.settings;

import dev.burrow.api.Json;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Keys in {@code secrets.json} in Burrow's config folder, for machines without a keychain that
 * answers. To be plain about it: the keys are stored <em>as given</em>, not encrypted or obfuscated
 * (an obfuscation key would sit next to the file, protecting nothing). The protection is that only
 * the user can read the file: on POSIX systems the folder is 0700 and the file 0600 from its
 * creation (every write goes to a new 0600 temp file moved over the old one); elsewhere both get an
 * ACL that grants access to their owner alone, where the file system has ACLs. Anyone who can act
 * as the user (or root, or a backup of the home folder) can read the keys.
 *
 * <p>Writes from several Burrow processes (GUI and CLI) are serialised by a lock file.
 */
public final class FileSecretStore implements SecretStore {

    public static final String FILE_NAME = "secrets.json";
    /** The versions of secrets.json (see {@link DocumentFormat}). 1: Burrow 0.1. */
    static final DocumentFormat FORMAT = new DocumentFormat(FILE_NAME, java.util.List.of());

    /** The file layout. */
    record Document(int version, Map<String, String> secrets) {
        @Override
        public String toString() {
            return "Document[" + (secrets == null ? 0 : secrets.size()) + " secrets]";
        }
    }

    private final Path dir;
    private final Path file;
    private volatile String problem;

    public FileSecretStore(Path configDir) {
        this.dir = configDir;
        this.file = configDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** What went wrong reading the file, if it was unreadable and moved aside (the store then starts empty). */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public synchronized Optional<String> get(String ref) {
        Commands.checkRef(ref);
        return Optional.ofNullable(read().get(ref));
    }

    @Override
    public synchronized void put(String ref, String secret) {
        Commands.checkRef(ref);
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("An empty secret can't be stored; delete it instead");
        }
        update(m -> {
            m.put(ref, secret);
            return m;
        });
    }

    @Override
    public synchronized void delete(String ref) {
        Commands.checkRef(ref);
        update(m -> {
            m.remove(ref);
            return m;
        });
    }

    private Map<String, String> read() {
        try {
            if (Files.exists(file) && PrivateFiles.isPosix(file)
                    && !Files.getPosixFilePermissions(file).equals(PrivateFiles.FILE_0600)) {
                // Copied in or restored from a backup with a wider mode: narrow it before reading on.
                Files.setPosixFilePermissions(file, PrivateFiles.FILE_0600);
            }
        } catch (IOException e) {
            throw new SecretStoreException("Could not check the permissions of " + file + ": " + e.getMessage(), e);
        }
        Loaded<Map<String, String>> loaded = JsonDocuments.load(file, FORMAT, Document.class,
                d -> d.secrets() == null ? new TreeMap<>() : new TreeMap<>(d.secrets()), TreeMap::new, true);
        loaded.problem().ifPresent(p -> problem = p);
        return loaded.value();
    }

    private void update(UnaryOperator<Map<String, String>> change) {
        try {
            PrivateFiles.ensureDirectory(dir, true);
            Path lockFile = dir.resolve(FILE_NAME + ".lock");
            try (FileChannel ch = PrivateFiles.isPosix(dir)
                    ? FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                            PosixFilePermissions.asFileAttribute(PrivateFiles.FILE_0600))
                    : FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = ch.lock();
                try {
                    Document doc = new Document(FORMAT.current(), change.apply(read()));
                    PrivateFiles.writeAtomically(file, out -> Json.MAPPER.writerWithDefaultPrettyPrinter()
                            .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                            .writeValue(out, doc));
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new SecretStoreException("Could not save " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        String home = System.getProperty("user.home");
        String shown = file.toAbsolutePath().toString();
        if (home != null && !home.isEmpty() && shown.startsWith(home + java.io.File.separator)) {
            shown = "~" + shown.substring(home.length());
        }
        return "file " + shown + (PrivateFiles.isPosix(dir) ? " (0600)" : " (owner-only ACL)");
    }

    @Override
    public String toString() {
        return "FileSecretStore[" + describe() + "]";
    }
}
