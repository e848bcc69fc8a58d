package dev.burrow.server;

import dev.burrow.server.store.Database;

final class ObjectsHandler implements Handler {

    private final Database db;
    private final String type;

    ObjectsHandler(Database db, String type) {
        this.db = db;
        this.type = type;
    }

    @Override
    public Response handle(Request r) {
        throw ApiError.notFound();
    }
}
