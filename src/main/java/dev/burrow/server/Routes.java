package dev.burrow.server;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every API route in one table: a method and a path below {@code /api/environments/{id}/}
 * ({@code {id}} matches any one segment; a literal segment wins over it), the scope the key
 * needs, and the endpoint that answers. A path no route has is a 404; a method its routes lack
 * is a 405, answered before the scope is checked.
 */
final class Routes {

    /** Answers one request. */
    @FunctionalInterface
    interface Endpoint {
        Response answer(Request r) throws SQLException;
    }

    /** What a route asks of the key: a scope, and for PostHog's unlisted actions a key without scopes. */
    record Access(String object, String action, boolean needsUnscopedKey) {

        static Access read(String object) {
            return new Access(object, "read", false);
        }

        static Access write(String object) {
            return new Access(object, "write", false);
        }

        Access unscopedKeyOnly() {
            return new Access(object, action, true);
        }

        void check(Request r) {
            if (needsUnscopedKey) {
                r.requireUnscopedKey();
            }
            r.require(object, action);
        }
    }

    private record Route(String method, List<String> pattern, Access access, Endpoint endpoint) {

        boolean matches(List<String> segments) {
            if (segments.size() != pattern.size()) {
                return false;
            }
            for (int i = 0; i < segments.size(); i++) {
                if (!pattern.get(i).equals("{id}") && !pattern.get(i).equals(segments.get(i))) {
                    return false;
                }
            }
            return true;
        }

        int literals() {
            return (int) pattern.stream().filter(p -> !p.equals("{id}")).count();
        }
    }

    private final List<Route> routes = new ArrayList<>();

    /** The local server's whole API. */
    static Routes of(TreeList tree, TreeItems items, ViewLog views, Stars stars, ExportsHandler exports,
            ObjectReads objects) {
        Access treeRead = Access.read("file_system");
        Access treeWrite = Access.write("file_system");
        Access starRead = Access.read("file_system_shortcut");
        Access starWrite = Access.write("file_system_shortcut");
        return new Routes()
                .viewSet("file_system", treeRead, treeWrite,
                        new ViewSet(tree::list, items::create, items::retrieve, items::update, items::delete))
                .add("GET", "file_system/unfiled", treeRead, items::unfiled)
                .add("POST", "file_system/undo_delete", treeWrite, items::undoDelete)
                .add("GET", "file_system/log_view", treeWrite, views::latest)
                .add("POST", "file_system/log_view", treeWrite, views::record)
                .add("POST", "file_system/count_by_path", treeRead, items::countByPath)
                .add("POST", "file_system/{id}/move", treeWrite, items::move)
                .add("POST", "file_system/{id}/link", treeWrite, items::link)
                .add("POST", "file_system/{id}/count", treeRead, items::countFolder)
                .viewSet("file_system_shortcut", starRead, starWrite,
                        new ViewSet(stars::list, stars::create, stars::retrieve, stars::update, stars::delete))
                .add("POST", "file_system_shortcut/reorder", starWrite.unscopedKeyOnly(), stars::reorder)
                .add("POST", "file_system_shortcut/bulk_update", starWrite.unscopedKeyOnly(), stars::bulkUpdate)
                .add("GET", "exports", Access.read("export"), exports::list)
                .add("POST", "exports", Access.write("export"), exports::create)
                .add("GET", "exports/{id}", Access.read("export"), exports::retrieve)
                .add("GET", "exports/{id}/content", Access.read("export"), exports::content)
                .add("GET", "dashboards", Access.read("dashboard"), objects::dashboards)
                .add("GET", "dashboards/{id}", Access.read("dashboard"), objects::dashboard)
                .add("GET", "insights", Access.read("insight"), objects::insights)
                .add("GET", "insights/{id}", Access.read("insight"), objects::insight);
    }

    /** Answers an update: a PATCH, or a PUT when {@code whole}. */
    @FunctionalInterface
    interface Update {
        Response answer(Request r, boolean whole) throws SQLException;
    }

    /** The endpoints of a DRF model viewset. */
    record ViewSet(Endpoint list, Endpoint create, Endpoint retrieve, Update update, Endpoint destroy) {
    }

    /**
     * A model viewset's routes: list and create on {@code base}; retrieve, PATCH, PUT and delete on
     * {@code base/{id}}. Reads need {@code read}, the rest {@code write}.
     */
    Routes viewSet(String base, Access read, Access write, ViewSet endpoints) {
        String item = base + "/{id}";
        return add("GET", base, read, endpoints.list()).add("POST", base, write, endpoints.create())
                .add("GET", item, read, endpoints.retrieve())
                .add("PATCH", item, write, r -> endpoints.update().answer(r, false))
                .add("PUT", item, write, r -> endpoints.update().answer(r, true))
                .add("DELETE", item, write, endpoints.destroy());
    }

    Routes add(String method, String pattern, Access access, Endpoint endpoint) {
        routes.add(new Route(method, List.of(pattern.split("/")), access, endpoint));
        return this;
    }

    Response answer(Request r) throws SQLException {
        Route best = null;
        for (Route route : routes) {
            if (route.matches(r.segments()) && (best == null || route.literals() > best.literals())) {
                best = route;
            }
        }
        if (best == null) {
            throw ApiError.notFound();
        }
        for (Route route : routes) {
            if (route.pattern().equals(best.pattern()) && route.method().equals(r.method())) {
                route.access().check(r);
                return route.endpoint().answer(r);
            }
        }
        throw ApiError.methodNotAllowed(r.method());
    }
}
