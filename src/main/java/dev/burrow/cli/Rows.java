package dev.burrow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.DeletedObject;
import dev.burrow.api.EntryPath;
import dev.burrow.api.ExportedAsset;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Json;
import java.util.Collection;

/** The stable JSON of rows, exports and deleted objects: the API's field names, nothing derived. */
final class Rows {

    private Rows() {
    }

    static ObjectNode row(FileSystemEntry e) {
        ObjectNode o = Json.object();
        o.put("id", e.id());
        o.put("path", e.path());
        if (e.depth() == null) {
            o.putNull("depth");
        } else {
            o.put("depth", e.depth());
        }
        o.put("type", e.type());
        o.put("ref", e.ref());
        o.put("href", e.href());
        o.set("meta", e.meta() == null ? Json.object() : e.meta());
        if (e.shortcut() == null) {
            o.putNull("shortcut");
        } else {
            o.put("shortcut", e.shortcut());
        }
        o.put("created_at", e.createdAt());
        o.set("created_by", e.createdBy());
        o.put("last_viewed_at", e.lastViewedAt());
        o.put("user_access_level", e.userAccessLevel());
        return o;
    }

    /** A folder drawn for rows whose folder row is missing: a row with a null id. */
    static FileSystemEntry synthetic(String path) {
        return new FileSystemEntry(null, path, EntryPath.depth(path), FileSystemEntry.FOLDER, null, null, Json.object(),
                null, null, null, null, null);
    }

    static ArrayNode rows(Collection<FileSystemEntry> rows) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        rows.forEach(r -> a.add(row(r)));
        return a;
    }

    static ObjectNode deleted(DeletedObject d) {
        ObjectNode o = Json.object();
        o.put("type", d.type());
        o.put("ref", d.ref());
        o.put("mode", d.mode());
        o.put("undo", d.undo());
        o.put("path", d.path());
        o.put("can_undo", d.canUndo());
        return o;
    }

    static ObjectNode export(ExportedAsset x) {
        ObjectNode o = Json.object();
        o.put("id", x.id());
        o.put("dashboard", x.dashboard());
        o.put("insight", x.insight());
        o.put("export_format", x.exportFormat());
        o.put("created_at", x.createdAt());
        o.put("has_content", x.hasContent());
        o.set("export_context", x.exportContext());
        o.put("filename", x.filename());
        o.put("expires_after", x.expiresAfter());
        o.put("exception", x.exception());
        return o;
    }

    static String pretty(JsonNode n) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
