package dev.burrow.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.CountResult;
import dev.burrow.api.DeleteResult;
import dev.burrow.api.DeletedObject;
import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.UndoItem;
import dev.burrow.api.UndoResult;
import dev.burrow.server.Fields.ListField;
import dev.burrow.server.Fields.TextField;
import dev.burrow.server.store.Database;
import dev.burrow.server.store.Ids;
import dev.burrow.server.store.Timestamps;
import dev.burrow.server.store.TreeListing;
import dev.burrow.server.store.TreeRow;
import dev.burrow.server.store.TreeRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@code file_system/}: one row and the actions on it (contract/file_system.md §8–§13). */
final class TreeItems {

    private static final TextField TYPE = TextField.optional("type").blankAllowed().maxLength(100);
    private static final TextField REF = TextField.optional("ref").nullable().blankAllowed().maxLength(100);
    private static final TextField HREF = TextField.optional("href").nullable().blankAllowed();
    private static final ListField UNDO_ITEMS = ListField.required("items").nonEmpty();

    private final Database db;

    TreeItems(Database db) {
        this.db = db;
    }

    /** The row the request's id names, if the caller may see it; else the 404. */
    private static TreeRow visibleRow(Connection c, Request r) throws SQLException {
        return ApiError.orNotFound(TreeRows.visible(c, r.uuid(1), r.environment()));
    }

    /** The writable fields of a row in a body; absent ones are null ({@code path} too unless required). */
    private record RowFields(ObjectNode body, String path, String type, String ref, String href, String meta,
            Boolean shortcut) {

        static RowFields read(ObjectNode body, boolean pathRequired) {
            return new RowFields(body, Fields.path(body, pathRequired), TYPE.read(body), REF.read(body),
                    HREF.read(body), Fields.meta(body), Fields.bool(body, "shortcut"));
        }

        /** {@code row} with the fields the body has (a field sent as null clears ref, href and shortcut). */
        TreeRow over(TreeRow row) {
            return new TreeRow(row.id(), row.team(), path != null ? path : row.path(), type != null ? type : row.type(),
                    body.has("ref") ? ref : row.ref(), body.has("href") ? href : row.href(),
                    body.has("shortcut") ? shortcut : row.shortcut(), meta != null ? meta : row.meta(),
                    row.createdAt(), row.createdBy());
        }
    }

    Response create(Request r) throws SQLException {
        RowFields f = RowFields.read(r.object(), true);
        TreeRow row = new TreeRow(Ids.uuid7(), r.environment(), f.path(), f.type() == null ? "" : f.type(), f.ref(),
                f.href(), f.shortcut() == null ? Boolean.FALSE : f.shortcut(), f.meta(), Timestamps.now(), r.userId());
        return Response.created(db.write(c -> {
            TreeWrites.ensureOwnFolders(c, EntryPath.ancestors(f.path()), r.environment(), r.userId());
            TreeRows.insert(c, row);
            return TreeEntries.of(c, row);
        }));
    }

    Response retrieve(Request r) throws SQLException {
        return Response.ok(db.read(c -> TreeEntries.of(c, visibleRow(c, r))));
    }

    /** PATCH, or PUT when {@code whole} (then {@code path} is required). */
    Response update(Request r, boolean whole) throws SQLException {
        r.uuid(1);
        RowFields f = RowFields.read(r.object(), whole);
        return Response.ok(db.write(c -> {
            TreeRow row = visibleRow(c, r);
            TreeRow next = f.over(row);
            TreeRows.update(c, row, next);
            return TreeEntries.of(c, next);
        }));
    }

    Response delete(Request r) throws SQLException {
        r.uuid(1);
        boolean recursive = !"false".equalsIgnoreCase(r.param("recursive"));
        List<DeletedObject> deleted = db.write(c ->
                TreeDeletion.delete(c, visibleRow(c, r), recursive, r.environment(), r.userId()));
        return deleted.isEmpty() ? Response.noContent() : Response.ok(new DeleteResult(deleted));
    }

    /** The {@code new_path} of a move or link: required, a valid path with at least one segment. */
    private static String newPath(Request r) {
        JsonNode v = r.object().get("new_path");
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
            throw ApiError.plain(400, "new_path is required");
        }
        if (!v.isTextual()) {
            throw ApiError.validation("invalid", "Not a valid string.", null);
        }
        String p = v.asText();
        Fields.checkPath(p, null);
        if (EntryPath.depth(p) == 0) {
            throw ApiError.plain(400, "new_path is required");
        }
        return p;
    }

    Response move(Request r) throws SQLException {
        r.uuid(1);
        String newPath = newPath(r);
        TreeWrites.Moved moved = db.write(c ->
                TreeWrites.move(c, visibleRow(c, r), newPath, r.environment(), r.userId()));
        if (moved.error() != null) {
            throw moved.error();
        }
        return Response.ok(db.read(c -> TreeEntries.of(c, moved.row())));
    }

    Response link(Request r) throws SQLException {
        r.uuid(1);
        String newPath = newPath(r);
        return Response.ok(db.write(c -> {
            TreeRow row = visibleRow(c, r);
            if (row.isFolder() && newPath.equals(row.path())) {
                throw ApiError.plain(400, "Cannot link folder into itself");
            }
            return TreeEntries.of(c, TreeWrites.link(c, row, newPath, r.environment(), r.userId()));
        }));
    }

    Response countFolder(Request r) throws SQLException {
        return Response.ok(db.read(c -> {
            TreeRow row = visibleRow(c, r);
            if (!row.isFolder()) {
                throw ApiError.plain(400, "Count can only be called on folders");
            }
            return countBelow(c, row.path(), r.environment());
        }));
    }

    Response countByPath(Request r) throws SQLException {
        String path = r.nonEmptyParam("path");
        if (path == null) {
            throw ApiError.plain(400, "path parameter is required");
        }
        return Response.ok(db.read(c -> countBelow(c, path, r.environment())));
    }

    /** §11: the visible descendants of {@code folder} (§4), with a preview of the first ones. */
    private static CountResult countBelow(Connection c, String folder, int team) throws SQLException {
        TreeListing.Below below = TreeListing.below(c, folder, team);
        List<FileSystemEntry> entries = TreeEntries.of(c, below.preview(), null);
        return new CountResult(below.count(), entries, below.count() > entries.size());
    }

    Response unfiled(Request r) throws SQLException {
        String type = r.nonEmptyParam("type");
        return Response.ok(CountResult.of(db.write(c -> TreeWrites.unfiled(c, type, r.environment()))));
    }

    Response undoDelete(Request r) throws SQLException {
        List<UndoItem> wanted = UNDO_ITEMS.eachObject(r.object(), item -> {
            String type = TextField.required("type").read(item);
            String ref = TextField.required("ref").read(item);
            String path = TextField.optional("path").nullable().blankAllowed().read(item);
            if (path != null && !path.isEmpty()) {
                Fields.checkPath(path, "path");
            }
            return new UndoItem(type, ref, path == null || path.isEmpty() ? null : path);
        });
        return Response.ok(new UndoResult(db.write(c -> TreeDeletion.undo(c, wanted, r.environment(), r.userId()))));
    }
}
