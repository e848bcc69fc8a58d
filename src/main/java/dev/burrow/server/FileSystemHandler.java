package dev.burrow.server;

import dev.burrow.server.store.Database;

final class FileSystemHandler implements Handler {

    private final Database db;

    FileSystemHandler(Database db, Users users) {
        this.db = db;
    }

    @Override
    public Response handle(Request r) {
        throw ApiError.notFound();
    }
}
