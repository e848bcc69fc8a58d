package dev.burrow.settings;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Owner-only folders and files, and atomic replacement. On POSIX file systems a file is created
 * 0600 and a folder 0700 from the start (the mode is given to the creating call, never applied
 * after content is written); elsewhere an ACL granting access to the owner alone is used where the
 * file system has ACLs.
 */
final class PrivateFiles {

    static final Set<PosixFilePermission> FILE_0600 = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIR_0700 = PosixFilePermissions.fromString("rwx------");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Writes the content of a file; an exception leaves the target untouched. */
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private PrivateFiles() {
    }

    static boolean isPosix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates the folder (and missing parents) readable only by the user. With {@code tighten}, an
     * existing folder with wider permissions is narrowed to 0700 (for the folder holding secrets).
     */
    static void ensureDirectory(Path dir, boolean tighten) throws IOException {
        if (isPosix(dir)) {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_0700));
            }
            // A umask can only remove bits, so a fresh folder is 0700 or narrower; make it exact.
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            Set<PosixFilePermission> now = view.readAttributes().permissions();
            if (!now.equals(DIR_0700) && (tighten || !now.containsAll(DIR_0700))) {
                view.setPermissions(DIR_0700);
            }
        } else {
            boolean created = !Files.isDirectory(dir);
            Files.createDirectories(dir);
            if (created || tighten) {
                restrictAclToOwner(dir);
            }
        }
    }

    /**
     * Replaces {@code target} atomically: the content goes to a new owner-only temp file in the same
     * folder, is forced to disk, then moved over the target with {@code ATOMIC_MOVE}. If the writer
     * fails, the temp file is deleted and the old file stays as it was.
     */
    static void writeAtomically(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = createPrivateFile(dir, "." + target.getFileName() + ".");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(ch)) {
                writer.write(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Same folder, so this is rare (some network file systems); a plain replace is the best left.
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** A new empty file with a random name in {@code dir}, 0600 (or owner-only ACL) from its creation. */
    private static Path createPrivateFile(Path dir, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            byte[] b = new byte[6];
            RANDOM.nextBytes(b);
            Path tmp = dir.resolve(prefix + HexFormat.of().formatHex(b) + ".tmp");
            try {
                if (isPosix(dir)) {
                    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(FILE_0600));
                    // The umask may have removed bits; the file is still empty, so setting the exact mode is safe.
                    if (!Files.getPosixFilePermissions(tmp).equals(FILE_0600)) {
                        Files.setPosixFilePermissions(tmp, FILE_0600);
                    }
                } else {
                    FileAttribute<List<AclEntry>> acl = ownerOnlyAcl(dir);
                    if (acl != null) {
                        Files.createFile(tmp, acl);
                    } else {
                        Files.createFile(tmp);
                    }
                }
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 20) {
                    throw e;
                }
            }
        }
    }

    private static FileAttribute<List<AclEntry>> ownerOnlyAcl(Path dir) throws IOException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("acl")) {
            return null;
        }
        UserPrincipal owner = Files.getOwner(dir);
        List<AclEntry> entries = List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build());
        return new FileAttribute<>() {
            @Override
            public String name() {
                return "acl:acl";
            }

            @Override
            public List<AclEntry> value() {
                return entries;
            }
        };
    }

    private static void restrictAclToOwner(Path p) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(p, AclFileAttributeView.class);
        if (view == null) {
            return;
        }
        UserPrincipal owner = view.getOwner();
        view.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
    }

    /** Renames an unreadable file to {@code <name>.corrupt-<UTC timestamp>} and returns the new path. */
    static Path moveAside(Path file) throws IOException {
        String base = file.getFileName() + ".corrupt-" + STAMP.format(Instant.now());
        Path aside = file.resolveSibling(base);
        for (int i = 2; Files.exists(aside); i++) {
            aside = file.resolveSibling(base + "-" + i);
        }
        return Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
    }
}
