package dev.burrow.server.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.EntryPath;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks every seed must pass: a complete tree whose derived columns agree with the path. */
final class TreeShape {

    private TreeShape() {
    }

    static void assertComplete(SeedStore store) throws SQLException {
        Set<String> folders = new HashSet<>(store.strings("SELECT path FROM file_system WHERE type = 'folder'"));
        List<String[]> rows = store.rows("SELECT path, depth, parent, is_folder, type, ref, href FROM file_system");
        for (String[] row : rows) {
            String path = row[0];
            assertEquals(EntryPath.depth(path), Integer.parseInt(row[1]), () -> "depth of " + path);
            assertEquals(EntryPath.parent(path), row[2], () -> "parent of " + path);
            assertEquals(EntryPath.normalize(path), path, () -> "canonical " + path);
            for (String ancestor : EntryPath.ancestors(path)) {
                assertTrue(folders.contains(ancestor), () -> "no folder row for " + ancestor + " above " + path);
            }
            boolean folder = "folder".equals(row[4]);
            assertEquals(folder ? "1" : "0", row[3], () -> "is_folder of " + path);
            if (folder) {
                assertEquals(null, row[5], () -> "folder ref " + path);
                assertEquals(null, row[6], () -> "folder href " + path);
            } else {
                assertTrue(row[5] != null && row[6] != null && row[6].startsWith("/"), () -> "ref/href of " + path);
            }
        }
    }
}
