package dev.burrow.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.Json;

/**
 * The writable fields of a tree row or a star, for create, PUT and PATCH. Only the fields set here
 * are sent, so a PATCH changes exactly those; set a field to null to clear it.
 */
public final class EntryFields {

    private final ObjectNode node = Json.object();

    public static EntryFields of(String path, String type) {
        return new EntryFields().path(path).type(type);
    }

    public static EntryFields folder(String path) {
        return of(path, "folder");
    }

    public EntryFields path(String v) {
        node.put("path", v);
        return this;
    }

    public EntryFields type(String v) {
        node.put("type", v);
        return this;
    }

    public EntryFields ref(String v) {
        node.put("ref", v);
        return this;
    }

    public EntryFields href(String v) {
        node.put("href", v);
        return this;
    }

    public EntryFields meta(JsonNode v) {
        node.set("meta", v);
        return this;
    }

    /** {@code true} makes a link row in the tree (not a star). */
    public EntryFields shortcut(Boolean v) {
        node.put("shortcut", v);
        return this;
    }

    /** Stars only: the position in the starred list. */
    public EntryFields order(Integer v) {
        node.put("order", v);
        return this;
    }

    ObjectNode json() {
        return node.deepCopy();
    }

    @Override
    public String toString() {
        return "EntryFields" + node;
    }
}
