package dev.burrow.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.server.Fields.TextField;
import dev.burrow.server.store.Database;
import dev.burrow.server.store.Timestamps;
import dev.burrow.server.store.ViewLogTable;
import java.sql.SQLException;
import java.time.Instant;

/** {@code file_system/log_view/}: record and read the caller's views (Recents, §14). */
final class ViewLog {

    private final Database db;

    ViewLog(Database db) {
        this.db = db;
    }

    Response record(Request r) throws SQLException {
        ObjectNode body = r.object();
        String type = TextField.required("type").read(body);
        String ref = TextField.required("ref").read(body);
        String viewedAt = TextField.optional("viewed_at").nullable().blankAllowed().read(body);
        String when;
        if (viewedAt == null || viewedAt.isEmpty()) {
            when = Timestamps.now();
        } else {
            Instant t = Timestamps.parse(viewedAt);
            if (t == null) {
                throw ApiError.validation("invalid", "Datetime has wrong format.", "viewed_at");
            }
            when = Timestamps.format(t);
        }
        db.write(c -> {
            ViewLogTable.record(c, r.userId(), r.environment(), type, ref, when);
            return null;
        });
        return Response.noContent();
    }

    Response latest(Request r) throws SQLException {
        String type = r.nonEmptyParam("type");
        int limit = Paging.limitUpTo1000(r, false);
        return Response.ok(db.read(c -> ViewLogTable.latest(c, r.userId(), r.environment(), type, limit)));
    }
}
