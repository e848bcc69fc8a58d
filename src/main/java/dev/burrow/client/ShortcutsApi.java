package dev.burrow.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.Json;
import dev.burrow.api.Page;
import dev.burrow.api.Star;
import java.util.List;

/** {@code file_system_shortcut/}: the caller's starred items (contract/file_system.md §15). */
public final class ShortcutsApi {

    private static final String BASE = "file_system_shortcut/";

    private final Transport transport;
    private final Paging paging;

    ShortcutsApi(Transport transport, Paging paging) {
        this.transport = transport;
        this.paging = paging;
    }

    /** One page; {@code ordering} is {@code created_at}, {@code -created_at} or null for the stored order. */
    public Page<Star> list(String ordering, Integer limit, Integer offset) {
        return paging.one(BASE, query(ordering, limit, offset), Star.class);
    }

    public PageIterator<Star> pages(String ordering, Integer limit) {
        return paging.iterate(BASE, offset -> query(ordering, limit, offset), 0, limit, Star.class);
    }

    /** Every star, in display order. */
    public List<Star> listAll() {
        try (var rows = pages(null, null).rows()) {
            return rows.toList();
        }
    }

    /** A repeated identical create returns the existing star on new servers, and may duplicate on old ones. */
    public Star create(EntryFields fields) {
        return transport.json(ApiRequest.post(BASE, null, Json.bytes(fields.json())), Star.class);
    }

    public Star get(String id) {
        return transport.json(ApiRequest.get(item(id)), Star.class);
    }

    public Star patch(String id, EntryFields fields) {
        return transport.json(ApiRequest.patch(item(id), Json.bytes(fields.json())), Star.class);
    }

    public void delete(String id) {
        transport.discard(ApiRequest.delete(item(id), null));
    }

    /** Sets each listed star's order to its position; returns the caller's full list. Scoped keys get 403. */
    public List<Star> reorder(List<String> orderedIds) {
        ObjectNode body = Json.object();
        ArrayNode ids = body.putArray("ordered_ids");
        orderedIds.forEach(ids::add);
        return List.of(transport.json(ApiRequest.post(BASE + "reorder/", null, Json.bytes(body)), Star[].class));
    }

    /** Adds and removes stars in one transaction; returns the caller's full list. Scoped keys get 403. */
    public List<Star> bulkUpdate(List<EntryFields> add, List<String> removeIds) {
        ObjectNode body = Json.object();
        ArrayNode adds = body.putArray("add");
        add.forEach(a -> adds.add(a.json()));
        ArrayNode removes = body.putArray("remove_ids");
        removeIds.forEach(removes::add);
        return List.of(transport.json(ApiRequest.post(BASE + "bulk_update/", null, Json.bytes(body)), Star[].class));
    }

    private static Query query(String ordering, Integer limit, Integer offset) {
        return new Query().add("ordering", ordering).add("limit", limit).add("offset", offset);
    }

    private static String item(String id) {
        return BASE + Query.segment(id) + "/";
    }
}
