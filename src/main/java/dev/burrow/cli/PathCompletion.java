package dev.burrow.cli;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.FileSystemQuery;
import dev.burrow.client.PostHogClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * PostHog paths for shell completion. Each TAB asks about one folder: its children come from a
 * small cached listing (one page of one folder, kept {@link #FRESH} per connection), never from
 * a full index. Commands that change paths forget the connection's listings.
 */
final class PathCompletion {

    /** How long a folder's listing answers completions before it is fetched again. */
    static final Duration FRESH = Duration.ofSeconds(60);
    /** One page: enough names to complete from, small enough for a keystroke. */
    static final int PAGE = 500;

    /** One child of a folder: its escaped name, and whether it is a folder. */
    record Child(String name, boolean folder) {
    }

    /** The children of a folder on a connection (cached or fetched). */
    @FunctionalInterface
    interface Listings {
        List<Child> children(Connection connection, String folder);
    }

    private final Path root;
    private final Supplier<Instant> clock;

    /** @param root the cache folder of completion listings (under Burrow's cache folder) */
    PathCompletion(Path root, Supplier<Instant> clock) {
        this.root = root;
        this.clock = clock;
    }

    private Path folderOf(String connection) {
        return root.resolve(hash(connection));
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The children of {@code folder} (canonical) on {@code connection}: the cached listing when
     * fresh, else {@code fetch} (one request), written to the cache.
     */
    List<Child> children(String connection, String folder, Function<String, List<Child>> fetch) {
        Path file = folderOf(connection).resolve(hash(folder) + ".txt");
        try {
            if (Files.isRegularFile(file)
                    && Files.getLastModifiedTime(file).toInstant().plus(FRESH).isAfter(clock.get())) {
                return read(file);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable cache is only a miss
        }
        List<Child> fresh = fetch.apply(folder);
        write(file, fresh);
        return fresh;
    }

    /** One page of a folder's children, as the server lists them. */
    static List<Child> list(PostHogClient client, String folder) {
        List<Child> out = new ArrayList<>();
        for (FileSystemEntry e : client.fileSystem().list(FileSystemQuery.children(folder).withLimit(PAGE)).results()) {
            out.add(new Child(EntryPath.escape(e.name()), e.isFolder()));
        }
        return out;
    }

    private static List<Child> read(Path file) throws IOException {
        List<Child> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.length() > 2 && line.charAt(1) == '\t') {
                out.add(new Child(line.substring(2), line.charAt(0) == 'F'));
            }
        }
        return out;
    }

    private void write(Path file, List<Child> children) {
        try {
            Files.createDirectories(file.getParent());
            StringBuilder text = new StringBuilder();
            for (Child c : children) {
                if (c.name().indexOf('\n') < 0) {
                    text.append(c.folder() ? 'F' : 'I').append('\t').append(c.name()).append('\n');
                }
            }
            Path tmp = Files.createTempFile(file.getParent(), ".listing", ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.setLastModifiedTime(tmp, FileTime.from(clock.get()));
                // readers see the old listing or the new one; where a file system can't swap, no cache
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // no cache this time: the next TAB asks the server again
        }
    }

    /** Forgets every listing of a connection (after a command moved, made or deleted something). */
    void forget(String connection) {
        Path dir = folderOf(connection);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // stale listings expire on their own after FRESH
        }
    }

    /**
     * The completions of a typed path prefix (as the command will receive it): the children of
     * the folder it names whose escaped name starts with what follows the last separator,
     * folders ending in {@code /}. Case is ignored when nothing matches exactly.
     */
    static List<String> matches(String typed, Function<String, List<Child>> childrenOf) {
        int cut = lastSeparator(typed);
        String folderText = cut < 0 ? "" : typed.substring(0, cut + 1);
        String partial = typed.substring(cut + 1);
        String folder = EntryPath.normalize(folderText);
        List<Child> children = childrenOf.apply(folder);
        List<String> out = pick(children, partial, folderText, false);
        return out.isEmpty() ? pick(children, partial, folderText, true) : out;
    }

    private static List<String> pick(List<Child> children, String partial, String folderText, boolean anyCase) {
        String want = anyCase ? partial.toLowerCase(Locale.ROOT) : partial;
        List<String> out = new ArrayList<>();
        for (Child c : children) {
            String name = anyCase ? c.name().toLowerCase(Locale.ROOT) : c.name();
            if (name.startsWith(want)) {
                out.add(folderText + c.name() + (c.folder() ? "/" : ""));
            }
        }
        out.sort(null);
        return out;
    }

    /** The last {@code /} that separates names (not one written {@code \/} inside a name). */
    static int lastSeparator(String typed) {
        int last = -1;
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '/') {
                last = i;
            }
        }
        return last;
    }
}
