package dev.burrow.server;

import java.sql.SQLException;

/** Answers the requests of one resource (file_system, file_system_shortcut, …). */
public interface Handler {

    Response handle(Request request) throws SQLException;
}
