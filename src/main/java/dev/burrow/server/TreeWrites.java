package dev.burrow.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.EntryPath;
import dev.burrow.api.ObjectType;
import dev.burrow.api.Json;
import dev.burrow.server.store.Ids;
import dev.burrow.server.store.Timestamps;
import dev.burrow.server.store.TreeRow;
import dev.burrow.server.store.TreeRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tree's multi-row writes — delete, move, link, unfiled, undo — each run inside the
 * caller's single transaction, so a refusal half-way changes nothing.
 */
final class TreeWrites {

    /** The result of a move: the row to answer with, or an error to raise after committing. */
    record Outcome(TreeRow row, ApiError error) {
    }

    record UndoItem(String type, String ref, String path) {
    }

    private static final String REFUSE_UNDO =
            "Couldn't restore this. It may already be restored, or you may not have access to it.";

    /**
     * Creates a folder row for each path in {@code folders} that has none. With
     * {@code thisTeamOnly}, rows of other environments don't count (as create does).
     */
    void ensureFolders(Connection c, List<String> folders, int team, long userId, boolean thisTeamOnly,
            Boolean shortcut) throws SQLException {
        if (folders.isEmpty()) {
            return;
        }
        String sql = "SELECT 1 FROM file_system WHERE path = ?" + (thisTeamOnly ? " AND team = ?" : "") + " LIMIT 1";
        try (PreparedStatement exists = c.prepareStatement(sql)) {
            for (String folder : folders) {
                exists.setString(1, folder);
                if (thisTeamOnly) {
                    exists.setInt(2, team);
                }
                boolean found;
                try (ResultSet rs = exists.executeQuery()) {
                    found = rs.next();
                }
                if (!found) {
                    TreeRows.insert(c, new TreeRow(Ids.uuid7(), team, folder, "folder", null, null, shortcut, "{}",
                            Timestamps.now(), userId));
                }
            }
        }
    }

    /** Rows a request from {@code team} may see (§4): hog functions only in their own environment. */
    static final String VISIBLE = "(team = ? OR substr(type, 1, 13) <> 'hog_function/')";

    /** The descendants of {@code folder} visible from {@code team}. */
    private static List<TreeRow> descendants(Connection c, String folder, String order, int team)
            throws SQLException {
        return TreeRows.query(c, "WHERE path >= ? AND path < ? AND " + VISIBLE
                + (order == null ? "" : " ORDER BY " + order), List.of(folder + "/", folder + "0", team));
    }

    /**
     * Leftover repair (§8, §9 step 7): rows still below {@code old} after a delete or move are the
     * hog functions of other environments; their missing folder chain is recreated in their own
     * environment.
     */
    private void repairLeftovers(Connection c, String old, int team, long userId) throws SQLException {
        List<TreeRow> left = TreeRows.query(c, "WHERE path >= ? AND path < ? AND NOT " + VISIBLE
                + " ORDER BY depth, path", List.of(old + "/", old + "0", team));
        for (TreeRow row : left) {
            ensureFolders(c, EntryPath.ancestors(row.path()), row.team(), userId, false, null);
        }
    }

    // ---- delete -------------------------------------------------------------------------

    List<ObjectNode> delete(Connection c, TreeRow row, boolean recursive, int team, long userId)
            throws SQLException {
        if (Boolean.TRUE.equals(row.shortcut())) {
            deleteRow(c, row.id());
            return List.of();
        }
        List<ObjectNode> deleted = new ArrayList<>();
        if (!row.isFolder()) {
            deleteLeaf(c, row, Set.of(row.id()), team, deleted);
            return deleted;
        }
        List<TreeRow> below = descendants(c, row.path(), "depth, path", team);
        if (!recursive) {
            for (TreeRow d : below) {
                if (!"link".equals(d.type())) {
                    throw conflictNotEmpty();
                }
            }
            for (TreeRow d : below) {
                deleteRow(c, d.id());
            }
            deleteRow(c, row.id());
            repairLeftovers(c, row.path(), team, userId);
            return List.of();
        }
        Set<String> going = new HashSet<>();
        going.add(row.id());
        for (TreeRow d : below) {
            going.add(d.id());
        }
        Set<String> objectsDone = new HashSet<>();
        for (TreeRow d : below) {
            if (Boolean.TRUE.equals(d.shortcut()) || d.isFolder() || "link".equals(d.type())) {
                deleteRow(c, d.id());
            } else if (objectsDone.add(d.type() + "\u0000" + d.ref())) {
                deleteLeaf(c, d, going, team, deleted);
            } else {
                deleteRow(c, d.id());
            }
        }
        deleteRow(c, row.id());
        repairLeftovers(c, row.path(), team, userId);
        return deleted;
    }

    private static ApiError conflictNotEmpty() {
        return ApiError.raised(409, "server_error", "directory_not_empty", "Folder is not empty.", null);
    }

    /** Deletes a non-link leaf by §8; {@code going} are the rows this request removes anyway. */
    private void deleteLeaf(Connection c, TreeRow row, Set<String> going, int team, List<ObjectNode> deleted)
            throws SQLException {
        String type = row.type();
        if ("link".equals(type)) {
            deleteRow(c, row.id());
            return;
        }
        if (ObjectType.of(type).isEmpty()) {
            throw refuse("Cannot delete resources with type '" + type + "'.");
        }
        // Another non-link row for the same object that stays: only this row goes.
        boolean othersRemain = false;
        if (row.ref() != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM file_system WHERE type = ? AND ref = ?"
                    + " AND team = ? AND (shortcut IS NULL OR shortcut = 0)")) {
                ps.setString(1, type);
                ps.setString(2, row.ref());
                ps.setInt(3, row.team());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!going.contains(rs.getString(1))) {
                            othersRemain = true;
                            break;
                        }
                    }
                }
            }
        }
        if (othersRemain) {
            deleteRow(c, row.id());
            return;
        }
        if (row.ref() == null || row.ref().isEmpty()) {
            throw refuse("Cannot delete type '" + type + "' without a reference.");
        }
        ObjectType.Deletion mode = ObjectType.of(type).orElseThrow().deletion();
        int changed;
        if (mode == ObjectType.Deletion.HARD) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM objects WHERE type = ? AND ref = ? AND team = ?")) {
                ps.setString(1, type);
                ps.setString(2, row.ref());
                ps.setInt(3, team);
                changed = ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("UPDATE objects SET deleted = ? WHERE type = ? AND ref = ?"
                    + " AND team = ? AND deleted = 0")) {
                ps.setInt(1, mode == ObjectType.Deletion.FINAL ? 2 : 1);
                ps.setString(2, type);
                ps.setString(3, row.ref());
                ps.setInt(4, team);
                changed = ps.executeUpdate();
            }
        }
        // The object's rows (link rows included) and its stars go with it.
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM file_system WHERE type = ? AND ref = ?")) {
            ps.setString(1, type);
            ps.setString(2, row.ref());
            ps.executeUpdate();
        }
        deleteRow(c, row.id());
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM stars WHERE type = ? AND ref = ?")) {
            ps.setString(1, type);
            ps.setString(2, row.ref());
            ps.executeUpdate();
        }
        if (changed > 0) {
            boolean canUndo = mode == ObjectType.Deletion.RESTORABLE;
            ObjectNode d = Json.object();
            d.put("type", type);
            d.put("ref", row.ref());
            d.put("mode", mode == ObjectType.Deletion.HARD ? "hard" : "soft");
            d.put("undo", canUndo ? "Restore it with POST file_system/undo_delete/ and this type, ref and path."
                    : "This can't be undone.");
            d.put("path", row.path());
            d.put("can_undo", canUndo);
            deleted.add(d);
        }
    }

    private static ApiError refuse(String detail) {
        return ApiError.raised(400, "validation_error", "invalid_input", detail, "detail");
    }

    private static void deleteRow(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM file_system WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    // ---- move ---------------------------------------------------------------------------

    Outcome move(Connection c, TreeRow row, String target, int team, long userId) throws SQLException {
        ensureFolders(c, EntryPath.ancestors(target), team, userId, false, null);
        if (row.isFolder() && target.equals(row.path())) {
            // PostHog creates the parent folders before it refuses; the commit keeps them.
            return new Outcome(null, ApiError.plain(400, "Cannot move folder into itself"));
        }
        if (!row.isFolder()) {
            TreeRows.updatePath(c, row.id(), target);
            return new Outcome(row.withPath(target), null);
        }
        String old = row.path();
        movePrefix(c, old, target, team);
        rewriteFolderStars(c, old, target);
        boolean existing;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM file_system WHERE path = ? AND type = 'folder' AND id <> ? LIMIT 1")) {
            ps.setString(1, target);
            ps.setString(2, row.id());
            try (ResultSet rs = ps.executeQuery()) {
                existing = rs.next();
            }
        }
        if (existing) {
            deleteRow(c, row.id());
            repairLeftovers(c, old, team, userId);
            return new Outcome(new TreeRow(null, row.team(), old, row.type(), row.ref(), row.href(), row.shortcut(),
                    row.meta(), row.createdAt(), row.createdBy()), null);
        }
        TreeRows.updatePath(c, row.id(), target);
        repairLeftovers(c, old, team, userId);
        return new Outcome(row.withPath(target), null);
    }

    /** Replaces the {@code old/} prefix of every descendant with {@code target/}. */
    private static void movePrefix(Connection c, String old, String target, int team) throws SQLException {
        boolean canonical = EntryPath.normalize(old).equals(old) && EntryPath.normalize(target).equals(target);
        if (canonical) {
            // One statement: both prefixes are whole segments, so every derived column shifts the same way.
            int depthShift = EntryPath.depth(target) - EntryPath.depth(old);
            String targetLower = target.toLowerCase(Locale.ROOT);
            try (PreparedStatement ps = c.prepareStatement("UPDATE file_system SET"
                    + " path = ? || substr(path, ?),"
                    + " path_lower = ? || substr(path_lower, ?),"
                    + " haystack = ? || substr(haystack, ?),"
                    + " parent = CASE WHEN parent = ? THEN ? ELSE ? || substr(parent, ?) END,"
                    + " depth = depth + ?"
                    + " WHERE path >= ? AND path < ? AND " + VISIBLE)) {
                int from = old.codePointCount(0, old.length()) + 1;
                ps.setString(1, target);
                ps.setInt(2, from);
                ps.setString(3, targetLower);
                String oldLower = old.toLowerCase(Locale.ROOT);
                ps.setInt(4, oldLower.codePointCount(0, oldLower.length()) + 1);
                ps.setString(5, targetLower);
                ps.setInt(6, oldLower.codePointCount(0, oldLower.length()) + 1);
                ps.setString(7, old);
                ps.setString(8, target);
                ps.setString(9, target);
                ps.setInt(10, from);
                ps.setInt(11, depthShift);
                ps.setString(12, old + "/");
                ps.setString(13, old + "0");
                ps.setInt(14, team);
                ps.executeUpdate();
            }
            return;
        }
        for (TreeRow d : descendants(c, old, null, team)) {
            TreeRows.updatePath(c, d.id(), target + d.path().substring(old.length()));
        }
    }

    private static void rewriteFolderStars(Connection c, String old, String target) throws SQLException {
        String oldLeaf = EntryPath.escape(EntryPath.leaf(old));
        String newLeaf = EntryPath.escape(EntryPath.leaf(target));
        try (PreparedStatement ps = c.prepareStatement("UPDATE stars SET path = CASE WHEN ref = ? AND path = ?"
                + " THEN ? ELSE path END, ref = ? || substr(ref, ?) WHERE type = 'folder' AND (ref = ? OR"
                + " (ref >= ? AND ref < ?))")) {
            ps.setString(1, old);
            ps.setString(2, oldLeaf);
            ps.setString(3, newLeaf);
            ps.setString(4, target);
            ps.setInt(5, old.codePointCount(0, old.length()) + 1);
            ps.setString(6, old);
            ps.setString(7, old + "/");
            ps.setString(8, old + "0");
            ps.executeUpdate();
        }
    }

    // ---- link ---------------------------------------------------------------------------

    TreeRow link(Connection c, TreeRow row, String target, int team, long userId) throws SQLException {
        ensureFolders(c, EntryPath.ancestors(target), team, userId, false, null);
        String now = Timestamps.now();
        if (!row.isFolder()) {
            TreeRow copy = new TreeRow(Ids.uuid7(), team, target, row.type(), row.ref(), row.href(), Boolean.TRUE,
                    row.meta(), now, userId);
            TreeRows.insert(c, copy);
            return copy;
        }
        String old = row.path();
        List<TreeRow> below = descendants(c, old, "depth, path", team);
        try (PreparedStatement ps = TreeRows.prepareInsert(c)) {
            for (TreeRow d : below) {
                TreeRows.bindInsert(ps, new TreeRow(Ids.uuid7(), team, target + d.path().substring(old.length()),
                        d.type(), d.ref(), d.href(), Boolean.TRUE, d.meta(), now, userId));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        boolean folderThere;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM file_system WHERE path = ? AND type = 'folder' LIMIT 1")) {
            ps.setString(1, target);
            try (ResultSet rs = ps.executeQuery()) {
                folderThere = rs.next();
            }
        }
        if (folderThere) {
            return row;
        }
        TreeRow copy = new TreeRow(Ids.uuid7(), team, target, row.type(), row.ref(), row.href(), Boolean.TRUE,
                row.meta(), now, userId);
        TreeRows.insert(c, copy);
        return copy;
    }

    // ---- unfiled ------------------------------------------------------------------------

    int unfiled(Connection c, String type, int team) throws SQLException {
        record Obj(String type, String ref, long id, String name, String createdAt, Long createdBy) {
        }
        List<Obj> missing = new ArrayList<>();
        String sql = "SELECT o.type, o.ref, o.id, o.name, o.created_at, o.created_by FROM objects o"
                + " WHERE o.deleted = 0 AND o.team = ?" + (type != null ? " AND o.type = ?" : "")
                + " AND NOT EXISTS (SELECT 1 FROM file_system f WHERE f.type = o.type AND f.ref = o.ref)"
                + " ORDER BY o.type, o.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, team);
            if (type != null) {
                ps.setString(2, type);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long by = rs.getLong(6);
                    missing.add(new Obj(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.wasNull() ? null : by));
                }
            }
        }
        try (PreparedStatement ps = TreeRows.prepareInsert(c)) {
            for (Obj o : missing) {
                ObjectNode meta = Json.object();
                meta.put("created_at", o.createdAt());
                if (o.createdBy() == null) {
                    meta.putNull("created_by");
                } else {
                    meta.put("created_by", o.createdBy());
                }
                String path = ObjectType.defaultFolder(o.type()) + "/" + EntryPath.escape(o.name());
                TreeRows.bindInsert(ps, new TreeRow(Ids.uuid7(), team, path, o.type(), o.ref(),
                        ObjectType.hrefOf(o.type(), o.ref(), o.id()), Boolean.FALSE, Json.write(meta), o.createdAt(),
                        o.createdBy()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        repairFolders(c, team);
        return missing.size();
    }

    /** Creates every missing ancestor folder of the whole tree and fixes stored depths. */
    private void repairFolders(Connection c, int team) throws SQLException {
        Set<String> paths = new HashSet<>();
        Map<String, Integer> wrongDepth = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, path, depth FROM file_system");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String path = rs.getString(2);
                paths.add(path);
                all.add(path);
                int stored = rs.getInt(3);
                boolean isNull = rs.wasNull();
                int actual = EntryPath.depth(path);
                if (isNull || stored != actual) {
                    wrongDepth.put(rs.getString(1), actual);
                }
            }
        }
        List<String> toCreate = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        for (String p : all) {
            for (String a : EntryPath.ancestors(p)) {
                if (!paths.contains(a) && planned.add(a)) {
                    toCreate.add(a);
                }
            }
        }
        toCreate.sort(Comparator.comparingInt(EntryPath::depth).thenComparing(Comparator.naturalOrder()));
        String now = Timestamps.now();
        try (PreparedStatement ps = TreeRows.prepareInsert(c)) {
            for (String folder : toCreate) {
                TreeRows.bindInsert(ps, new TreeRow(Ids.uuid7(), team, folder, "folder", null, null, null, "{}", now,
                        null));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE file_system SET depth = ? WHERE id = ?")) {
            for (Map.Entry<String, Integer> e : wrongDepth.entrySet()) {
                ps.setInt(1, e.getValue());
                ps.setString(2, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---- undo delete --------------------------------------------------------------------

    List<UndoItem> undoDelete(Connection c, List<UndoItem> items, int team, long userId) throws SQLException {
        List<UndoItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(UndoItem::type).thenComparing(UndoItem::ref));
        Map<String, Long> ids = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> created = new HashMap<>();
        Map<String, Long> creators = new HashMap<>();
        for (UndoItem item : sorted) {
            try (PreparedStatement ps = c.prepareStatement("SELECT deleted, id, name, created_at, created_by FROM objects"
                    + " WHERE type = ? AND ref = ? AND team = ?")) {
                ps.setString(1, item.type());
                ps.setString(2, item.ref());
                ps.setInt(3, team);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getInt(1) != 1
                            || !ObjectType.of(item.type()).map(ObjectType::restorable).orElse(true)) {
                        throw ApiError.raised(400, "validation_error", "invalid_input", REFUSE_UNDO, "detail");
                    }
                    String key = item.type() + "\u0000" + item.ref();
                    ids.put(key, rs.getLong(2));
                    names.put(key, rs.getString(3));
                    created.put(key, rs.getString(4));
                    long by = rs.getLong(5);
                    creators.put(key, rs.wasNull() ? null : by);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE objects SET deleted = 0 WHERE type = ? AND ref = ? AND team = ?")) {
                ps.setString(1, item.type());
                ps.setString(2, item.ref());
                ps.setInt(3, team);
                ps.executeUpdate();
            }
        }
        for (UndoItem item : sorted) {
            if (item.path() == null) {
                continue;
            }
            String key = item.type() + "\u0000" + item.ref();
            ensureFolders(c, EntryPath.ancestors(item.path()), team, userId, false, null);
            List<TreeRow> rows = TreeRows.query(c, "WHERE type = ? AND ref = ?", List.of(item.type(), item.ref()));
            if (rows.isEmpty()) {
                ObjectNode meta = Json.object();
                meta.put("created_at", created.get(key));
                Long by = creators.get(key);
                if (by == null) {
                    meta.putNull("created_by");
                } else {
                    meta.put("created_by", by);
                }
                TreeRows.insert(c, new TreeRow(Ids.uuid7(), team, item.path(), item.type(), item.ref(),
                        ObjectType.hrefOf(item.type(), item.ref(), ids.get(key)), Boolean.FALSE, Json.write(meta),
                        created.get(key), by));
            } else {
                for (TreeRow r : rows) {
                    TreeRows.updatePath(c, r.id(), item.path());
                }
            }
            assert names.containsKey(key);
        }
        return sorted;
    }
}
