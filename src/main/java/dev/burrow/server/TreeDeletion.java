package dev.burrow.server;

import dev.burrow.api.DeletedObject;
import dev.burrow.api.EntryPath;
import dev.burrow.api.ObjectType;
import dev.burrow.api.UndoItem;
import dev.burrow.server.store.Ids;
import dev.burrow.server.store.ObjectsTable;
import dev.burrow.server.store.StarsTable;
import dev.burrow.server.store.StoredObject;
import dev.burrow.server.store.TreeRow;
import dev.burrow.server.store.TreeRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Deleting rows and the objects behind them (§8), and restoring those objects (§13), inside the
 * caller's single transaction, so a refusal half-way changes nothing.
 */
final class TreeDeletion {

    private static final String REFUSE_UNDO =
            "Couldn't restore this. It may already be restored, or you may not have access to it.";

    private TreeDeletion() {
    }

    /** Deletes {@code row} (and, for a folder, what is below it); answers the objects deleted with it. */
    static List<DeletedObject> delete(Connection c, TreeRow row, boolean recursive, int team, long userId)
            throws SQLException {
        if (Boolean.TRUE.equals(row.shortcut())) {
            TreeRows.delete(c, List.of(row));
            return List.of();
        }
        List<DeletedObject> deleted = new ArrayList<>();
        if (!row.isFolder()) {
            deleteLeaf(c, row, Set.of(row.id()), team, deleted);
            return deleted;
        }
        List<TreeRow> below = TreeRows.below(c, row.path(), team);
        if (!recursive) {
            for (TreeRow d : below) {
                if (!"link".equals(d.type())) {
                    throw ApiError.raised(409, "server_error", "directory_not_empty", "Folder is not empty.", null);
                }
            }
            TreeRows.delete(c, below);
            TreeRows.delete(c, List.of(row));
            TreeWrites.repairLeftovers(c, row.path(), team, userId);
            return List.of();
        }
        Set<String> going = new HashSet<>();
        going.add(row.id());
        for (TreeRow d : below) {
            going.add(d.id());
        }
        Set<String> objectsDone = new HashSet<>();
        List<TreeRow> plainRows = new ArrayList<>();
        for (TreeRow d : below) {
            if (Boolean.TRUE.equals(d.shortcut()) || d.isFolder() || "link".equals(d.type())
                    || !objectsDone.add(d.type() + "\u0000" + d.ref())) {
                plainRows.add(d);
            } else {
                deleteLeaf(c, d, going, team, deleted);
            }
        }
        plainRows.add(row);
        TreeRows.delete(c, plainRows);
        TreeWrites.repairLeftovers(c, row.path(), team, userId);
        return deleted;
    }

    /** Deletes a non-link leaf by §8; {@code going} are the rows this request removes anyway. */
    private static void deleteLeaf(Connection c, TreeRow row, Set<String> going, int team, List<DeletedObject> deleted)
            throws SQLException {
        String type = row.type();
        if ("link".equals(type)) {
            TreeRows.delete(c, List.of(row));
            return;
        }
        ObjectType objectType = ObjectType.of(type).orElseThrow(
                () -> refuse("Cannot delete resources with type '" + type + "'."));
        // Another non-link row for the same object that stays: only this row goes.
        if (row.ref() != null) {
            for (String id : TreeRows.ownRowIds(c, type, row.ref(), row.team())) {
                if (!going.contains(id)) {
                    TreeRows.delete(c, List.of(row));
                    return;
                }
            }
        }
        if (row.ref() == null || row.ref().isEmpty()) {
            throw refuse("Cannot delete type '" + type + "' without a reference.");
        }
        ObjectType.Deletion mode = objectType.deletion();
        boolean changed = mode == ObjectType.Deletion.HARD
                ? ObjectsTable.remove(c, type, row.ref(), team)
                : ObjectsTable.markDeleted(c, type, row.ref(), team, mode == ObjectType.Deletion.FINAL);
        // The object's rows (link rows included) and its stars go with it.
        List<TreeRow> rows = new ArrayList<>(TreeRows.ofObject(c, type, row.ref()));
        rows.add(row);
        TreeRows.delete(c, rows);
        StarsTable.deleteForObject(c, type, row.ref());
        if (changed) {
            boolean canUndo = mode == ObjectType.Deletion.RESTORABLE;
            deleted.add(new DeletedObject(type, row.ref(), mode == ObjectType.Deletion.HARD ? "hard" : "soft",
                    canUndo ? "Restore it with POST file_system/undo_delete/ and this type, ref and path."
                            : "This can't be undone.", row.path(), canUndo));
        }
    }

    private static ApiError refuse(String detail) {
        return ApiError.raised(400, "validation_error", "invalid_input", detail, "detail");
    }

    /** §13: restores every object (all or none) and files each at its path, if one is given. */
    static List<UndoItem> undo(Connection c, List<UndoItem> items, int team, long userId) throws SQLException {
        List<UndoItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(UndoItem::type).thenComparing(UndoItem::ref));
        List<StoredObject> objects = new ArrayList<>();
        for (UndoItem item : sorted) {
            StoredObject o = ObjectsTable.find(c, item.type(), item.ref(), team);
            if (o == null || o.deleted() != 1 || !ObjectType.of(item.type()).map(ObjectType::restorable).orElse(true)) {
                throw ApiError.raised(400, "validation_error", "invalid_input", REFUSE_UNDO, "detail");
            }
            ObjectsTable.restore(c, item.type(), item.ref(), team);
            objects.add(o);
        }
        for (int i = 0; i < sorted.size(); i++) {
            UndoItem item = sorted.get(i);
            if (item.path() == null) {
                continue;
            }
            StoredObject o = objects.get(i);
            TreeWrites.ensureFolders(c, EntryPath.ancestors(item.path()), team, userId);
            List<TreeRow> rows = TreeRows.ofObject(c, item.type(), item.ref());
            if (rows.isEmpty()) {
                TreeRows.insert(c, new TreeRow(Ids.uuid7(), team, item.path(), item.type(), item.ref(),
                        ObjectType.hrefOf(item.type(), item.ref(), o.id()), Boolean.FALSE, TreeWrites.syncedMeta(o),
                        o.createdAt(), o.createdBy()));
            } else {
                for (TreeRow r : rows) {
                    TreeRows.updatePath(c, r, item.path());
                }
            }
        }
        List<UndoItem> undone = new ArrayList<>(sorted.size());
        for (UndoItem item : sorted) {
            undone.add(new UndoItem(item.type(), item.ref(), null));
        }
        return undone;
    }
}
