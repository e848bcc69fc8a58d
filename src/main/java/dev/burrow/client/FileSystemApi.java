package dev.burrow.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.CountResult;
import dev.burrow.api.DeleteResult;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Json;
import dev.burrow.api.Page;
import dev.burrow.api.UndoItem;
import dev.burrow.api.UndoRequest;
import dev.burrow.api.UndoResult;
import dev.burrow.api.ViewLogEntry;
import java.util.List;
import java.util.stream.Stream;

/** {@code file_system/}: the project tree (contract/file_system.md §5–§14). */
public final class FileSystemApi {

    private static final String BASE = "file_system/";

    private final Transport transport;
    private final Paging paging;

    FileSystemApi(Transport transport, Paging paging) {
        this.transport = transport;
        this.paging = paging;
    }

    /** One page. */
    public Page<FileSystemEntry> list(FileSystemQuery query) {
        return paging.one(BASE, query.toQuery(), FileSystemEntry.class);
    }

    /** Every page from the query's offset on; see {@link PageIterator}. */
    public PageIterator<FileSystemEntry> pages(FileSystemQuery query) {
        int start = query.offset() == null ? 0 : query.offset();
        return paging.iterate(BASE, offset -> query.withOffset(offset).toQuery(), start, query.limit(),
                FileSystemEntry.class);
    }

    /** Every row of every page, lazily; close the stream to stop early. */
    public Stream<FileSystemEntry> stream(FileSystemQuery query) {
        return pages(query).rows();
    }

    /** Every row, loaded now. */
    public List<FileSystemEntry> listAll(FileSystemQuery query) {
        try (Stream<FileSystemEntry> rows = stream(query)) {
            return rows.toList();
        }
    }

    /** {@code POST file_system/}: 201 with the new row. Never repeated after a failure. */
    public FileSystemEntry create(EntryFields fields) {
        return transport.json(ApiRequest.post(BASE, null, Json.bytes(fields.json())), FileSystemEntry.class);
    }

    public FileSystemEntry retrieve(String id) {
        return transport.json(ApiRequest.get(item(id)), FileSystemEntry.class);
    }

    /** {@code PATCH}: changes exactly the fields given, on this row only (descendants do not follow). */
    public FileSystemEntry patch(String id, EntryFields fields) {
        return transport.json(ApiRequest.patch(item(id), Json.bytes(fields.json())), FileSystemEntry.class);
    }

    /** {@code PUT}: like PATCH, but {@code path} is required. */
    public FileSystemEntry put(String id, EntryFields fields) {
        return transport.json(ApiRequest.put(item(id), Json.bytes(fields.json())), FileSystemEntry.class);
    }

    /** {@code DELETE}: 204 → nothing to undo; 200 → the objects deleted with it. */
    public DeleteResult delete(String id) {
        return delete(id, true);
    }

    /** With {@code recursive=false} a non-empty folder answers 409 ({@link ApiException.Conflict}) on servers that know it. */
    public DeleteResult delete(String id, boolean recursive) {
        Query q = recursive ? null : new Query().add("recursive", "false");
        DeleteResult r = transport.json(ApiRequest.delete(item(id), q), DeleteResult.class);
        return r == null ? DeleteResult.none() : r;
    }

    /** {@code POST {id}/move}: moves or renames; a folder carries its descendants. */
    public FileSystemEntry move(String id, String newPath) {
        return transport.json(ApiRequest.post(item(id) + "move", null, newPathBody(newPath)), FileSystemEntry.class);
    }

    /** {@code POST {id}/link}: makes link copies at {@code newPath}. */
    public FileSystemEntry link(String id, String newPath) {
        return transport.json(ApiRequest.post(item(id) + "link", null, newPathBody(newPath)), FileSystemEntry.class);
    }

    /** {@code POST {id}/count} (folders only). Older servers send only {@code count}. */
    public CountResult count(String id) {
        return transport.json(ApiRequest.readingPost(item(id) + "count", null, null), CountResult.class);
    }

    /** {@code POST count_by_path?path=P}: descendants of an escaped path; the folder row need not exist. */
    public CountResult countByPath(String path) {
        return transport.json(ApiRequest.readingPost(BASE + "count_by_path", new Query().add("path", path), null),
                CountResult.class);
    }

    /** {@code GET unfiled/}: files objects that have no row (a side effect); returns how many rows it made. */
    public long unfiled(String typeOrNull) {
        // A GET with side effects, but a second call makes nothing new, so repeating it is safe.
        JsonNode n = transport.json(ApiRequest.get(BASE + "unfiled/", new Query().add("type", typeOrNull)), JsonNode.class);
        return n == null ? 0 : n.path("count").asLong(0);
    }

    /** {@code POST undo_delete/}: all or nothing; returns what was restored. */
    public List<UndoItem> undoDelete(List<UndoItem> items) {
        UndoResult result = transport.json(ApiRequest.post(BASE + "undo_delete/", null,
                Json.bytes(new UndoRequest(items))), UndoResult.class);
        return result == null || result.undone() == null ? List.of() : result.undone();
    }

    /** {@code POST log_view/}: records that the caller viewed (type, ref) now, or at {@code viewedAt} if given. */
    public void logView(String type, String ref, String viewedAt) {
        ObjectNode body = Json.object();
        body.put("type", type);
        body.put("ref", ref);
        if (viewedAt != null) {
            body.put("viewed_at", viewedAt);
        }
        transport.discard(ApiRequest.post(BASE + "log_view/", null, Json.bytes(body)));
    }

    /** {@code GET log_view/}: the caller's views, newest first (needs the write scope). */
    public List<ViewLogEntry> viewLog(String typeOrNull, Integer limit) {
        ViewLogEntry[] entries = transport.json(ApiRequest.get(BASE + "log_view/",
                new Query().add("type", typeOrNull).add("limit", limit)), ViewLogEntry[].class);
        return entries == null ? List.of() : List.of(entries);
    }

    private static String item(String id) {
        return BASE + Query.segment(id) + "/";
    }

    private static byte[] newPathBody(String newPath) {
        ObjectNode body = Json.object();
        body.put("new_path", newPath);
        return Json.bytes(body);
    }
}
