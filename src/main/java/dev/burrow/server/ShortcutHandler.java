package dev.burrow.server;

import dev.burrow.server.store.Database;

final class ShortcutHandler implements Handler {

    private final Database db;

    ShortcutHandler(Database db) {
        this.db = db;
    }

    @Override
    public Response handle(Request r) {
        throw ApiError.notFound();
    }
}
