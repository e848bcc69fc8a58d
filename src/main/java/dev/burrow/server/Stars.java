package dev.burrow.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.Star;
import dev.burrow.server.Fields.ListField;
import dev.burrow.server.Fields.TextField;
import dev.burrow.server.store.Database;
import dev.burrow.server.store.Ids;
import dev.burrow.server.store.StarsTable;
import dev.burrow.server.store.StarsTable.StarOrder;
import dev.burrow.server.store.Timestamps;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** {@code file_system_shortcut/}: the caller's starred items (contract/file_system.md §15). */
final class Stars {

    private static final int MAX_BATCH = 500;
    private static final TextField TYPE = TextField.optional("type").blankAllowed().maxLength(100);
    private static final TextField REF = TextField.optional("ref").nullable().blankAllowed().maxLength(4000);
    private static final TextField HREF = TextField.optional("href").nullable().blankAllowed();
    private static final ListField ORDERED_IDS = ListField.required("ordered_ids").nonEmpty().atMost(MAX_BATCH);
    private static final ListField REMOVE_IDS = ListField.optional("remove_ids").atMost(MAX_BATCH);
    private static final ListField ADD = ListField.optional("add").atMost(MAX_BATCH);

    private final Database db;

    Stars(Database db) {
        this.db = db;
    }

    private static List<Star> mine(Connection c, Request r, StarOrder order) throws SQLException {
        return StarsTable.mine(c, r.userId(), r.environment(), order);
    }

    /** The star the request's id names, if it is the caller's and visible; else the 404. */
    private static Star myStar(Connection c, Request r) throws SQLException {
        return ApiError.orNotFound(StarsTable.find(c, r.uuid(1), r.userId(), r.environment()));
    }

    /** Two stars of the same item: same path, type, ref and href. */
    private static boolean sameItem(Star a, Star b) {
        return a.path().equals(b.path()) && a.type().equals(b.type()) && Objects.equals(a.ref(), b.ref())
                && Objects.equals(a.href(), b.href());
    }

    private static Star withOrder(Star s, int order) {
        return new Star(s.id(), s.path(), s.type(), s.ref(), s.href(), order, s.createdAt(), null);
    }

    /** A new star from a body (path required). */
    private static Star fromBody(ObjectNode body, String createdAt) {
        String path = TextField.required("path").read(body);
        String type = TYPE.read(body);
        return new Star(Ids.uuid7(), path, type == null ? "" : type, REF.read(body), HREF.read(body), 0, createdAt,
                null);
    }

    Response list(Request r) throws SQLException {
        String ordering = r.nonEmptyParam("ordering");
        StarOrder order = "created_at".equals(ordering) ? StarOrder.CREATED
                : "-created_at".equals(ordering) ? StarOrder.CREATED_DESCENDING : StarOrder.STORED;
        Paging paging = Paging.of(r);
        List<Star> all = db.read(c -> mine(c, r, order));
        return Response.ok(paging.answer(r, all.size(), paging.slice(all), null));
    }

    Response retrieve(Request r) throws SQLException {
        return Response.ok(db.read(c -> myStar(c, r)));
    }

    Response create(Request r) throws SQLException {
        ObjectNode body = r.object();
        Integer requested = Fields.integer(body, "order");
        Star draft = fromBody(body, Timestamps.now());
        return Response.created(db.write(c -> {
            List<Star> existing = mine(c, r, StarOrder.STORED);
            for (Star s : existing) {
                if (sameItem(s, draft)) {
                    return s;
                }
            }
            Star star = withOrder(draft, requested != null ? requested : nextOrder(existing));
            StarsTable.insert(c, r.userId(), r.environment(), star);
            return star;
        }));
    }

    private static int nextOrder(List<Star> stars) {
        int max = 0;
        for (Star s : stars) {
            max = Math.max(max, s.order());
        }
        return max + 1;
    }

    /** PATCH, or PUT when {@code whole} (then {@code path} is required). */
    Response update(Request r, boolean whole) throws SQLException {
        r.uuid(1);
        ObjectNode body = r.object();
        Integer requested = Fields.integer(body, "order");
        return Response.ok(db.write(c -> {
            Star base = myStar(c, r);
            String path = (whole ? TextField.required("path") : TextField.optional("path")).read(body);
            String type = TYPE.read(body);
            String ref = REF.read(body);
            String href = HREF.read(body);
            Star next = new Star(base.id(), path != null ? path : base.path(), type != null ? type : base.type(),
                    body.has("ref") ? ref : base.ref(), body.has("href") ? href : base.href(),
                    requested != null ? requested : base.order(), base.createdAt(), null);
            StarsTable.update(c, next);
            return next;
        }));
    }

    Response delete(Request r) throws SQLException {
        db.write(c -> {
            StarsTable.delete(c, List.of(myStar(c, r).id()));
            return null;
        });
        return Response.noContent();
    }

    /** Refuses with the ids of {@code ids} that are not among the caller's stars, if any. */
    private static void requireKnown(List<Star> mine, List<String> ids) {
        Set<String> known = new LinkedHashSet<>();
        mine.forEach(s -> known.add(s.id()));
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (!known.contains(id) && !missing.contains(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            throw ApiError.plain(400, "Unknown shortcut ids").withUnknownIds(missing);
        }
    }

    Response reorder(Request r) throws SQLException {
        List<String> ids = ORDERED_IDS.uuids(r.object());
        return Response.ok(db.write(c -> {
            requireKnown(mine(c, r, StarOrder.STORED), ids);
            StarsTable.reorder(c, ids);
            return mine(c, r, StarOrder.STORED);
        }));
    }

    Response bulkUpdate(Request r) throws SQLException {
        ObjectNode body = r.object();
        List<String> removeIds = REMOVE_IDS.uuids(body);
        String now = Timestamps.now();
        List<Star> additions = ADD.eachObject(body, add -> fromBody(add, now));
        return Response.ok(db.write(c -> {
            List<Star> mine = mine(c, r, StarOrder.STORED);
            requireKnown(mine, removeIds);
            StarsTable.delete(c, removeIds);
            List<Star> present = new ArrayList<>(mine);
            present.removeIf(s -> removeIds.contains(s.id()));
            int next = nextOrder(present);
            for (Star a : additions) {
                if (present.stream().noneMatch(s -> sameItem(s, a))) {
                    Star star = withOrder(a, next++);
                    StarsTable.insert(c, r.userId(), r.environment(), star);
                    present.add(star);
                }
            }
            return mine(c, r, StarOrder.STORED);
        }));
    }
}
