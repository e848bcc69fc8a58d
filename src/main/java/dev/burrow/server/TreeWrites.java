package dev.burrow.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.EntryPath;
import dev.burrow.api.Json;
import dev.burrow.api.ObjectType;
import dev.burrow.api.WireTime;
import dev.burrow.server.store.Ids;
import dev.burrow.server.store.ObjectsTable;
import dev.burrow.server.store.RowBatch;
import dev.burrow.server.store.StarsTable;
import dev.burrow.server.store.StoredObject;
import dev.burrow.server.store.Timestamps;
import dev.burrow.server.store.TreeRow;
import dev.burrow.server.store.TreeRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tree's multi-row writes — move, link, unfiled — and the folder chains they need, each run
 * inside the caller's single transaction, so a refusal half-way changes nothing.
 */
final class TreeWrites {

    /** The result of a move: the row to answer with, or an error to raise after committing. */
    record Moved(TreeRow row, ApiError error) {
    }

    private TreeWrites() {
    }

    /**
     * Creates a folder row for each of {@code folders} that no row of any environment has, as
     * move, link, undo and the repairs do; the new rows' {@code shortcut} is null.
     */
    static void ensureFolders(Connection c, List<String> folders, int team, long userId) throws SQLException {
        for (String folder : folders) {
            if (!TreeRows.existsAt(c, folder, null)) {
                insertFolder(c, folder, team, userId, null);
            }
        }
    }

    /**
     * Creates a folder row for each of {@code folders} that no row of {@code team} has, as create
     * does (rows of other environments don't count); the new rows are not link rows.
     */
    static void ensureOwnFolders(Connection c, List<String> folders, int team, long userId) throws SQLException {
        for (String folder : folders) {
            if (!TreeRows.existsAt(c, folder, team)) {
                insertFolder(c, folder, team, userId, Boolean.FALSE);
            }
        }
    }

    private static void insertFolder(Connection c, String path, int team, long userId, Boolean shortcut)
            throws SQLException {
        TreeRows.insert(c, new TreeRow(Ids.uuid7(), team, path, "folder", null, null, shortcut, "{}", Timestamps.now(),
                userId));
    }

    /**
     * Leftover repair (§8, §9 step 7): rows still below {@code old} after a delete or move are the
     * hog functions of other environments; their missing folder chain is recreated in their own
     * environment.
     */
    static void repairLeftovers(Connection c, String old, int team, long userId) throws SQLException {
        for (TreeRow row : TreeRows.hiddenBelow(c, old, team)) {
            ensureFolders(c, EntryPath.ancestors(row.path()), row.team(), userId);
        }
    }

    // ---- move ---------------------------------------------------------------------------

    static Moved move(Connection c, TreeRow row, String newPath, int team, long userId) throws SQLException {
        ensureFolders(c, EntryPath.ancestors(newPath), team, userId);
        if (row.isFolder() && newPath.equals(row.path())) {
            // PostHog creates the parent folders before it refuses; the commit keeps them.
            return new Moved(null, ApiError.plain(400, "Cannot move folder into itself"));
        }
        if (!row.isFolder()) {
            TreeRows.updatePath(c, row, newPath);
            return new Moved(row.withPath(newPath), null);
        }
        String old = row.path();
        TreeRows.moveBelow(c, old, newPath, team);
        StarsTable.followFolderMove(c, old, newPath);
        if (TreeRows.folderAt(c, newPath, row.id())) {
            // a folder is already there: the two merge, and PostHog answers the old row without an id
            TreeRows.delete(c, List.of(row));
            repairLeftovers(c, old, team, userId);
            return new Moved(new TreeRow(null, row.team(), old, row.type(), row.ref(), row.href(), row.shortcut(),
                    row.meta(), row.createdAt(), row.createdBy()), null);
        }
        TreeRows.updatePath(c, row, newPath);
        repairLeftovers(c, old, team, userId);
        return new Moved(row.withPath(newPath), null);
    }

    // ---- link ---------------------------------------------------------------------------

    static TreeRow link(Connection c, TreeRow row, String newPath, int team, long userId) throws SQLException {
        ensureFolders(c, EntryPath.ancestors(newPath), team, userId);
        String now = Timestamps.now();
        if (!row.isFolder()) {
            TreeRow copy = new TreeRow(Ids.uuid7(), team, newPath, row.type(), row.ref(), row.href(), Boolean.TRUE,
                    row.meta(), now, userId);
            TreeRows.insert(c, copy);
            return copy;
        }
        String old = row.path();
        try (RowBatch batch = TreeRows.batch(c)) {
            for (TreeRow d : TreeRows.below(c, old, team)) {
                batch.add(new TreeRow(Ids.uuid7(), team, newPath + d.path().substring(old.length()), d.type(), d.ref(),
                        d.href(), Boolean.TRUE, d.meta(), now, userId));
            }
        }
        if (TreeRows.folderAt(c, newPath, null)) {
            return row;
        }
        TreeRow copy = new TreeRow(Ids.uuid7(), team, newPath, row.type(), row.ref(), row.href(), Boolean.TRUE,
                row.meta(), now, userId);
        TreeRows.insert(c, copy);
        return copy;
    }

    // ---- unfiled ------------------------------------------------------------------------

    /** §12: files every live object without a row in its type's default folder; answers how many. */
    static int unfiled(Connection c, String type, int team) throws SQLException {
        List<StoredObject> missing = ObjectsTable.withoutRows(c, team, type);
        try (RowBatch batch = TreeRows.batch(c)) {
            for (StoredObject o : missing) {
                String path = ObjectType.defaultFolder(o.type()) + "/" + EntryPath.escape(o.name());
                batch.add(new TreeRow(Ids.uuid7(), team, path, o.type(), o.ref(),
                        ObjectType.hrefOf(o.type(), o.ref(), o.id()), Boolean.FALSE, syncedMeta(o), o.createdAt(),
                        o.createdBy()));
            }
        }
        repairFolders(c, team);
        return missing.size();
    }

    /** The {@code meta} PostHog gives a synced object's row: when and by whom the object was made. */
    static String syncedMeta(StoredObject o) {
        ObjectNode meta = Json.object();
        java.time.Instant created = Timestamps.parse(o.createdAt());
        meta.put("created_at", created == null ? o.createdAt() : WireTime.python(created));
        if (o.createdBy() == null) {
            meta.putNull("created_by");
        } else {
            meta.put("created_by", o.createdBy());
        }
        return Json.write(meta);
    }

    /** Creates every missing ancestor folder of the whole tree and fixes stored depths. */
    private static void repairFolders(Connection c, int team) throws SQLException {
        Set<String> paths = new HashSet<>();
        Map<String, Integer> wrongDepth = new LinkedHashMap<>();
        List<TreeRows.StoredDepth> all = TreeRows.depths(c);
        for (TreeRows.StoredDepth row : all) {
            paths.add(row.path());
            int actual = EntryPath.depth(row.path());
            if (row.depth() == null || row.depth() != actual) {
                wrongDepth.put(row.id(), actual);
            }
        }
        List<String> toCreate = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        for (TreeRows.StoredDepth row : all) {
            for (String a : EntryPath.ancestors(row.path())) {
                if (!paths.contains(a) && planned.add(a)) {
                    toCreate.add(a);
                }
            }
        }
        toCreate.sort(Comparator.comparingInt(EntryPath::depth).thenComparing(Comparator.naturalOrder()));
        String now = Timestamps.now();
        try (RowBatch batch = TreeRows.batch(c)) {
            for (String folder : toCreate) {
                batch.add(new TreeRow(Ids.uuid7(), team, folder, "folder", null, null, null, "{}", now, null));
            }
        }
        TreeRows.fixDepths(c, wrongDepth);
    }
}
