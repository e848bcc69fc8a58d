package dev.burrow.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations. Each entry upgrades the store by one version; {@code PRAGMA
 * user_version} records how far a store has come. Never edit a shipped migration: add a new one.
 */
final class Migrations {

    private static final List<Step> STEPS = List.of(
            // 1: the project tree, the objects behind its rows, users, stars, the view log.
            // Columns that filters read on every row come first: SQLite decodes a record up to
            // the last column it needs, and meta can be long.
            Step.sql(
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
                "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            // 2: exported assets (PNG, CSV, XLSX, …) and where their rendered content lives.
            Step.sql(
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
                "CREATE INDEX exports_owner ON exports(team, created_by, created_at)"),
            // 3: the default list order (path_lower), with the columns its filter reads, so that a
            // page of the whole tree walks the index instead of sorting every row: the full index
            // load (100 pages of 1,000 over 100,000 rows) went from ~30 s to a few seconds.
            Step.sql("CREATE INDEX fs_order ON file_system(path_lower, type, team)"),
            // 4: how many rows lie below each folder, kept by every write (TreeCounts), so that a
            // count no longer reads every row it counts; filled from the rows already there.
            c -> {
                Step.sql("""
                    CREATE TABLE subtree_counts (
                        prefix  TEXT NOT NULL,
                        team    INTEGER NOT NULL,
                        hog     INTEGER NOT NULL,
                        n       INTEGER NOT NULL,
                        PRIMARY KEY (prefix, team, hog)
                    ) WITHOUT ROWID""").apply(c);
                TreeCounts.rebuildBelow(c);
            },
            // 5: a search scans one index along the lower-cased path, in the order it answers in
            // (case-insensitive path, then type), and learns the types there are from type_counts
            // (kept by every write) rather than from a haystack of path and type on every row: the
            // scan reads a fifth less. The haystack's index goes.
            Step.sql("""
                CREATE TABLE type_counts (
                    type    TEXT PRIMARY KEY,
                    n       INTEGER NOT NULL
                ) WITHOUT ROWID""",
                "INSERT INTO type_counts(type, n) SELECT type, count(*) FROM file_system GROUP BY type",
                "CREATE INDEX fs_listing ON file_system(path_lower, lower(type), type, team)",
                "DROP INDEX fs_search",
                "ANALYZE file_system"),
            // 6: how many listed rows each folder holds directly, kept by every write (ChildCounts),
            // so that the count of a folder's page is one lookup, not a walk over all its children
            // (a page of 100 of a 90,000-child folder took 7× the time of one of an 88-child folder).
            c -> {
                Step.sql(ChildCounts.TABLE).apply(c);
                ChildCounts.rebuild(c);
            });

    private Migrations() {
    }

    static int latest() {
        return STEPS.size();
    }

    /** One version's change to the schema (and the data it needs moved along). */
    @FunctionalInterface
    interface Step {
        void apply(Connection c) throws SQLException;

        static Step sql(String... statements) {
            return c -> {
                try (Statement st = c.createStatement()) {
                    for (String sql : statements) {
                        st.execute(sql);
                    }
                }
            };
        }
    }

    /**
     * Brings the store to the latest version in one transaction that holds the write lock from
     * its first statement (the writer's transactions are immediate), reading the version inside
     * it: when two processes open a new store together, the second waits, then finds nothing
     * left to do.
     */
    static void apply(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try {
            int version;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > STEPS.size()) {
                throw new SQLException("This data folder was written by a newer Burrow (schema " + version
                        + ", this build knows " + STEPS.size() + ").");
            }
            for (int v = version; v < STEPS.size(); v++) {
                STEPS.get(v).apply(c);
            }
            if (version < STEPS.size()) {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA user_version = " + STEPS.size());
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
