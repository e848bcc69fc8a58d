package dev.burrow.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations. Each entry upgrades the store by one version, in one
 * transaction; {@code PRAGMA user_version} records how far a store has come. Never edit a
 * shipped migration: add a new one.
 */
final class Migrations {

    private static final List<String[]> STEPS = List.<String[]>of(
            // 1: the project tree, the objects behind its rows, users, stars, the view log.
            // Columns that filters read on every row come first: SQLite decodes a record up to
            // the last column it needs, and meta can be long.
            new String[] {
                """
                CREATE TABLE file_system (
                    id          TEXT PRIMARY KEY,
                    team        INTEGER NOT NULL,
                    type        TEXT NOT NULL DEFAULT '',
                    haystack    TEXT NOT NULL,
                    is_folder   INTEGER NOT NULL,
                    depth       INTEGER,
                    parent      TEXT NOT NULL,
                    path        TEXT NOT NULL,
                    path_lower  TEXT NOT NULL,
                    name_lower  TEXT NOT NULL,
                    ref         TEXT,
                    href        TEXT,
                    shortcut    INTEGER,
                    created_by  INTEGER,
                    created_at  TEXT NOT NULL,
                    meta        TEXT NOT NULL DEFAULT '{}'
                )""",
                // covering for a folder's page and its count: parent, order, and what the list filters on
                "CREATE INDEX fs_children ON file_system(parent, is_folder DESC, path_lower, type, path, team)",
                "CREATE INDEX fs_path ON file_system(path, team, type)",
                                "CREATE INDEX fs_depth_path ON file_system(depth, path)",
                "CREATE INDEX fs_type_ref ON file_system(type, ref)",
                // a search scans this narrow index instead of the table
                "CREATE INDEX fs_search ON file_system(haystack, type, team)",
                "CREATE INDEX fs_created ON file_system(created_at)",
                """
                CREATE TABLE objects (
                    type        TEXT NOT NULL,
                    ref         TEXT NOT NULL,
                    id          INTEGER NOT NULL,
                    short_id    TEXT,
                    team        INTEGER NOT NULL,
                    name        TEXT NOT NULL,
                    deleted     INTEGER NOT NULL DEFAULT 0,
                    payload     TEXT NOT NULL DEFAULT '{}',
                    created_at  TEXT NOT NULL,
                    created_by  INTEGER,
                    PRIMARY KEY (type, ref)
                )""",
                "CREATE INDEX objects_id ON objects(type, id)",
                """
                CREATE TABLE users (
                    id          INTEGER PRIMARY KEY,
                    uuid        TEXT NOT NULL,
                    distinct_id TEXT NOT NULL,
                    first_name  TEXT NOT NULL,
                    last_name   TEXT NOT NULL,
                    email       TEXT NOT NULL
                )""",
                """
                CREATE TABLE stars (
                    id          TEXT PRIMARY KEY,
                    user_id     INTEGER NOT NULL,
                    team        INTEGER NOT NULL,
                    path        TEXT NOT NULL,
                    type        TEXT NOT NULL DEFAULT '',
                    ref         TEXT,
                    href        TEXT,
                    ord         INTEGER NOT NULL DEFAULT 0,
                    created_at  TEXT NOT NULL
                )""",
                "CREATE INDEX stars_user ON stars(user_id)",
                """
                CREATE TABLE view_log (
                    user_id     INTEGER NOT NULL,
                    team        INTEGER NOT NULL,
                    type        TEXT NOT NULL,
                    ref         TEXT NOT NULL,
                    viewed_at   TEXT NOT NULL,
                    PRIMARY KEY (user_id, team, type, ref)
                )""",
                "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
            },
            // 2: exported assets (PNG, CSV, XLSX, …) and where their rendered content lives.
            new String[] {
                """
                CREATE TABLE exports (
                    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
                    team                   INTEGER NOT NULL,
                    created_by             INTEGER,
                    dashboard              INTEGER,
                    insight                INTEGER,
                    export_format          TEXT NOT NULL,
                    export_context         TEXT,
                    created_at             TEXT NOT NULL,
                    expires_after          TEXT,
                    content                BLOB,
                    content_location       TEXT,
                    exception              TEXT,
                    exception_type         TEXT,
                    failure_type           TEXT,
                    is_system              INTEGER NOT NULL DEFAULT 0,
                    source_authentication  TEXT
                )""",
                "CREATE INDEX exports_owner ON exports(team, created_by, created_at)"
            },
            // 3: the default list order (path_lower), with the columns its filter reads, so that a
            // page of the whole tree walks the index instead of sorting every row: the full index
            // load (100 pages of 1,000 over 100,000 rows) went from ~30 s to a few seconds.
            new String[] {
                "CREATE INDEX fs_order ON file_system(path_lower, type, team)"
            });

    private Migrations() {
    }

    static int latest() {
        return STEPS.size();
    }

    /**
     * Brings the store to the latest schema. Each step reads the version inside its own write
     * transaction (the writer's transactions are IMMEDIATE), so two processes opening a fresh
     * data folder together apply each step once: the second waits, then sees it done.
     */
    static void apply(Connection c) throws SQLException {
        while (true) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                int version;
                try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
                if (version > STEPS.size()) {
                    throw new SQLException("This data folder was written by a newer Burrow (schema " + version
                            + ", this build knows " + STEPS.size() + ").");
                }
                if (version == STEPS.size()) {
                    c.commit();
                    return;
                }
                for (String sql : STEPS.get(version)) {
                    st.execute(sql);
                }
                st.execute("PRAGMA user_version = " + (version + 1));
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
