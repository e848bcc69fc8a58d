package dev.burrow.server.seed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.EntryPath;
import dev.burrow.api.ObjectType;
import dev.burrow.server.seed.DemoCatalog.Metric;
import java.time.Instant;
import java.util.List;

/** One object of the demo, filled in step by step: named and placed, then dated, numbered, given content. */
final class DemoObject {
    final ObjectType type;
    final String name;
    /** The hand-made folder it is filed in, or null for its type's folder under Unfiled. */
    final List<String> folder;
    Metric metric;
    String cut = "";
    boolean boldNumber;
    Instant createdAt;
    long createdBy;
    long id;
    String shortId;
    ObjectNode payload;

    DemoObject(ObjectType type, String name, List<String> folder) {
        this.type = type;
        this.name = name;
        this.folder = folder;
    }

    String ref() {
        return type.ref(id, shortId);
    }

    String href() {
        return type.href(ref(), id);
    }

    String folderPath() {
        return folder == null ? type.defaultFolder() : EntryPath.join(folder);
    }

    String path() {
        return folderPath() + "/" + EntryPath.escape(name);
    }
}
